package ai.datasuite.gateway.key;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import ai.datasuite.gateway.support.FakeKeyStore;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;
import ai.datasuite.testsupport.identity.TestIdentity;

@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class KeysTest {

    @InjectFakes
    FakeServices fakes;

    @AfterEach
    void storeWorks() {
        fakes.keys.lookupFailure = 0;
    }

    private static ExtractableResponse<Response> create(String userId, String role) {
        return Gateway.asAdmin().contentType(ContentType.JSON).body(Map.of("user_id", userId, "role", role))
                .post("/api/v1/keys").then().extract();
    }

    @Test
    void aNewKeyIsShownOnceAndStoredOnlyAsItsHash() {
        ExtractableResponse<Response> created = create("alice", "user");
        assertEquals(201, created.statusCode());
        String key = created.path("key");
        String id = created.path("id");
        assertThat(key, matchesPattern("ads_[A-Za-z0-9_-]{43}"));
        assertThat(created.header("Location"), endsWith("/api/v1/keys/" + id));
        assertEquals("alice", created.path("user_id"));
        assertEquals("user", created.path("role"));
        assertThat(created.path("created_at"), notNullValue());

        FakeKeyStore.Row stored = fakes.keys.rows().stream().filter(row -> row.id().equals(id)).findFirst().orElseThrow();
        assertEquals(ApiKeys.hash(key), stored.keyHash());
        assertEquals(key.substring(0, 12), stored.keyPrefix());
        // The store was asked with the calling admin's identity, signed by the gateway.
        FakeKeyStore.Call call = fakes.keys.calls.stream().filter(c -> c.operation().equals("create"))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("admin", call.identity().user());
        assertEquals("admin", call.identity().role());
        assertEquals("chat-gateway", call.identity().signedBy());

        String listed = Gateway.asAdmin().queryParam("user_id", "alice").get("/api/v1/keys")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.key_prefix", equalTo(key.substring(0, 12)))
                .body("page", equalTo(0)).body("size", equalTo(20)).body("total", notNullValue())
                .extract().asString();
        assertFalse(listed.contains(key) || listed.contains(stored.keyHash()) || listed.contains("\"key\"")
                || listed.contains("key_hash"), listed);

        String one = Gateway.asAdmin().get("/api/v1/keys/" + id).then().statusCode(200)
                .body("user_id", equalTo("alice")).body("key_prefix", equalTo(key.substring(0, 12)))
                .extract().asString();
        assertFalse(one.contains(key) || one.contains("key_hash"), one);
    }

    @Test
    void aNewKeyWorksAtOnceAsItsUserWithItsRole() {
        String key = create("bob", "annotator").path("key");
        Gateway.withKey(key).get("/api/v1/tasks").then().statusCode(200)
                .body("service", equalTo("metadata-service"))
                .body("user", equalTo("bob")).body("role", equalTo("annotator"));
    }

    @Test
    void aPlainUsersKeyCannotManageKeys() {
        String key = ApiKeys.generate();
        String id = fakes.keys.seed(key, "carol", "user");
        Gateway.withKey(key).contentType(ContentType.JSON).body(Map.of("user_id", "carol", "role", "admin"))
                .post("/api/v1/keys").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("admin role"));
        Gateway.withKey(key).get("/api/v1/keys").then().statusCode(403);
        Gateway.withKey(key).get("/api/v1/keys/" + id).then().statusCode(403);
        Gateway.withKey(key).delete("/api/v1/keys/" + id).then().statusCode(403);
        assertTrue(fakes.keys.contains(id));
        String annotator = ApiKeys.generate();
        fakes.keys.seed(annotator, "dave", "annotator");
        Gateway.withKey(annotator).get("/api/v1/keys").then().statusCode(403);
    }

    @Test
    void onlyTheThreeRolesAndValidUserIdsAreAccepted() {
        for (String role : List.of("service", "root", "")) {
            Gateway.asAdmin().contentType(ContentType.JSON).body(Map.of("user_id", "alice", "role", role))
                    .post("/api/v1/keys").then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                    .body("errors.field", hasItem("role"));
        }
        Gateway.asAdmin().contentType(ContentType.JSON).body(Map.of("user_id", "not a user!", "role", "user"))
                .post("/api/v1/keys").then().statusCode(400).body("errors.field", hasItem("user_id"));
        Gateway.asAdmin().contentType(ContentType.JSON).body(Map.of("role", "user"))
                .post("/api/v1/keys").then().statusCode(400).body("errors.field", hasItem("user_id"));
        Gateway.asAdmin().queryParam("size", 500).get("/api/v1/keys").then().statusCode(400);
        assertTrue(fakes.keys.rows().stream().noneMatch(row -> row.userId() == null || row.userId().contains(" ")));
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        ExtractableResponse<Response> created = create("erin", "user");
        String key = created.path("key");
        String id = created.path("id");
        Gateway.withKey(key).get("/api/v1/datasets").then().statusCode(200).body("user", equalTo("erin"));

        Gateway.asAdmin().delete("/api/v1/keys/" + id).then().statusCode(204);

        assertFalse(fakes.keys.contains(id));
        Gateway.withKey(key).get("/api/v1/datasets").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"));
        Gateway.asAdmin().delete("/api/v1/keys/" + id).then().statusCode(404)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"));
        Gateway.asAdmin().get("/api/v1/keys/" + id).then().statusCode(404);
    }

    @Test
    void callsWithoutAValidKeyAre401ProblemsAndHealthStaysOpen() {
        for (String path : List.of("/api/v1/keys", "/api/v1/files", "/api/v1/models/list_model", "/api/v1/predict")) {
            TestIdentity.anonymous().get(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"))
                    .body("detail", containsString("X-Api-Key"));
            Gateway.withKey(ApiKeys.generate()).get(path).then().statusCode(401)
                    .header("WWW-Authenticate", notNullValue())
                    .body("detail", containsString("unknown or was revoked"));
            // The services' identity tokens are not API keys: forged, expired or even valid ones open nothing here.
            for (String token : List.of(TestIdentity.forgedToken("mallory", "admin"),
                    TestIdentity.expiredToken("mallory", "admin"), TestIdentity.token("mallory", "admin"))) {
                TestIdentity.anonymous().header("Authorization", "Bearer " + token).get(path).then().statusCode(401)
                        .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"));
            }
        }
        TestIdentity.anonymous().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void keysNeverIssuedAreRefusedWithoutAskingTheStore() {
        int before = fakes.keys.lookups.get();
        Gateway.withKey("not-a-key").get("/api/v1/files").then().statusCode(401);
        Gateway.withKey("ads_short").get("/api/v1/keys").then().statusCode(401);
        assertEquals(before, fakes.keys.lookups.get());
    }

    @Test
    void lookupsUseTheGatewaysServiceIdentityAndAreCached() {
        String key = ApiKeys.generate();
        fakes.keys.seed(key, "frank", "user");
        int before = fakes.keys.lookups.get();
        Gateway.withKey(key).get("/api/v1/files").then().statusCode(200).body("user", equalTo("frank"));
        Gateway.withKey(key).get("/api/v1/files").then().statusCode(200);
        // Also through the Authorization header, and on the gateway's own endpoints: the same cached key.
        TestIdentity.anonymous().header("Authorization", "Bearer " + key).get("/api/v1/files").then().statusCode(200);
        assertEquals(before + 1, fakes.keys.lookups.get());
        FakeKeyStore.Call lookup = fakes.keys.calls.stream().filter(c -> c.operation().equals("lookup"))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("service", lookup.identity().role());
        assertEquals("chat-gateway", lookup.identity().user());
    }

    @Test
    void aFailingKeyStoreIs503NotUnauthorized() {
        fakes.keys.lookupFailure = 500;
        String key = ApiKeys.generate();
        fakes.keys.seed(key, "grace", "user");
        int before = fakes.keys.lookups.get();
        Gateway.withKey(key).get("/api/v1/files").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:metadata-service-unavailable"))
                .header("Retry-After", notNullValue());
        Gateway.withKey(key).get("/api/v1/keys").then().statusCode(503)
                .body("type", equalTo("urn:ai-data-suite:problem:metadata-service-unavailable"));
        assertEquals(before + 4, fakes.keys.lookups.get(), "each failed lookup is tried twice, then answers 503");
        // The bootstrap admin key needs no store.
        Gateway.asAdmin().get("/api/v1/tasks").then().statusCode(200).body("user", equalTo("admin"));
        fakes.keys.lookupFailure = 0;
        Gateway.withKey(key).get("/api/v1/files").then().statusCode(200).body("user", equalTo("grace"));
    }

    @Test
    void theKeyPrefixIsTheFirstTwelveCharacters() {
        String key = ApiKeys.generate();
        assertThat(ApiKeys.prefix(key), is(key.substring(0, 12)));
        assertThat(ApiKeys.prefix(key), startsWith("ads_"));
        assertTrue(ApiKeys.looksGenerated(key));
        assertNotEquals(key, ApiKeys.generate());
        assertThat(ApiKeys.hash(key), matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void keyIdsInTheListAreTheStoresIds() {
        String key = create("heidi", "admin").path("key");
        Gateway.withKey(key).queryParam("user_id", "heidi").get("/api/v1/keys").then().statusCode(200)
                .body("items.user_id", hasItem("heidi"))
                .body("items[0].id", matchesPattern("[0-9a-f-]{36}"));
    }
}
