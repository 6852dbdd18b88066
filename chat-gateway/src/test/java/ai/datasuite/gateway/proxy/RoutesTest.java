package ai.datasuite.gateway.proxy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.FakeUpstream;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.GeneratedBytes;
import ai.datasuite.gateway.support.InjectFakes;
import ai.datasuite.gateway.support.RawHttp;
import ai.datasuite.testsupport.identity.TestIdentity;

@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class RoutesTest {

    @InjectFakes
    FakeServices fakes;

    private String userKey;

    @BeforeEach
    void aUserKey() {
        userKey = ApiKeys.generate();
        fakes.keys.seed(userKey, "alice", "user");
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/models/list_model, RETRIEVAL",
            "DELETE, /api/v1/models/remove/squad-tfidf, RETRIEVAL",
            "GET, /api/v1/models/get_datasets, RETRIEVAL",
            "GET, /api/v1/datasets, RETRIEVAL",
            "GET, /api/v1/datasets/squad/eda/lengths.png, RETRIEVAL",
            "POST, /api/v1/files, INGEST",
            "GET, /api/v1/files/3f1c2a9e/content, INGEST",
            "GET, /api/v1/tasks, METADATA",
            "POST, /api/v1/tasks/import, METADATA",
            "POST, /api/v1/predict, INFERENCE",
            "PUT, /api/v1/comments/12/label, INFERENCE",
            "GET, /api/v1/jobs/predict, INFERENCE",
            "POST, /api/v1/classifiers/goemotions/load, INFERENCE"})
    void eachPublicPathReachesItsServiceAsTheCaller(String method, String path, Upstream upstream) {
        ExtractableResponse<Response> echo = Gateway.withKey(userKey).header("Authorization", "Basic c3B5OnNweQ==")
                .contentType(ContentType.JSON).body("{\"text\": \"hello\"}")
                .request(method, path).then().statusCode(200).extract();
        assertEquals(upstream.service(), echo.path("service"));
        assertEquals(method, echo.path("method"));
        assertEquals(path, echo.path("path"));
        // The service verified a token signed by the gateway for the key's user and role.
        assertEquals("alice", echo.path("user"));
        assertEquals("user", echo.path("role"));
        assertEquals("chat-gateway", echo.path("signed_by"));
        Map<String, String> headers = echo.path("headers");
        assertFalse(headers.containsKey("x-api-key"), "the API key never reaches a service: " + headers);
        assertThat(headers.get("authorization"), startsWith("Bearer "));
        assertEquals("127.0.0.1", headers.get("x-forwarded-for"));
        assertEquals("http", headers.get("x-forwarded-proto"));
        assertEquals(17L, ((Number) echo.path("body_length")).longValue());
    }

    @Test
    void pathAndQueryReachTheServiceExactlyAsSent() {
        String uri = "/api/v1/models/find_context?model_id=squad-tf-idf&query=What%20is%20TF-IDF%3F&top_k=3&tag=a&tag=b";
        String echoed = Gateway.withKey(userKey).urlEncodingEnabled(false).get(uri).then().statusCode(200)
                .extract().path("uri");
        assertEquals(uri, echoed);
    }

    @Test
    void theKeysRoleIsPassedOn() {
        for (String role : new String[] {"user", "annotator", "admin"}) {
            String key = ApiKeys.generate();
            fakes.keys.seed(key, "role-" + role, role);
            Gateway.withKey(key).get("/api/v1/comments").then().statusCode(200)
                    .body("user", equalTo("role-" + role)).body("role", equalTo(role));
        }
        Gateway.asAdmin().get("/api/v1/comments").then().statusCode(200)
                .body("user", equalTo("admin")).body("role", equalTo("admin"));
    }

    @Test
    void aKeySentAsBearerTokenIsReplacedByTheSignedIdentity() {
        ExtractableResponse<Response> echo = TestIdentity.anonymous().header("Authorization", "Bearer " + userKey)
                .get("/api/v1/jobs/7").then().statusCode(200).extract();
        assertEquals("alice", echo.path("user"));
        Map<String, String> headers = echo.path("headers");
        assertFalse(headers.get("authorization").contains(userKey));
    }

    @Test
    void servicesAnswersPassUnchanged() {
        Gateway.withKey(userKey).header("X-Fake-Status", "409").post("/api/v1/files").then().statusCode(409)
                .contentType("application/problem+json")
                .header("X-Fake-Service", "ingest-service")
                .body("type", equalTo("urn:ai-data-suite:problem:ingest-service-own"))
                .body("detail", equalTo("answered by ingest-service"));
        Gateway.withKey(userKey).header("X-Fake-Status", "503").get("/api/v1/tasks").then().statusCode(503)
                .header("X-Fake-Service", "metadata-service");
    }

    @Test
    void unknownAndInternalPathsAre404Problems() {
        for (String path : new String[] {"/api/v2/files", "/api/v1/filesystem", "/api/v1/users", "/api/v1",
                "/api/v1/modelsX/list_model"}) {
            Gateway.withKey(userKey).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:ai-data-suite:problem:not-found"))
                    .body("detail", containsString("/q/openapi"));
        }
        Gateway.asAdmin().contentType(ContentType.JSON).body("{}").put("/api/v1/keys").then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:method-not-allowed"));
        // metadata-service's internal key lookup is not reachable through the gateway's own key resource either.
        Gateway.asAdmin().get("/api/v1/keys/lookup/" + ApiKeys.hash(userKey)).then().statusCode(404);
        // Nothing was routed for these paths.
        for (Upstream upstream : Upstream.values()) {
            FakeUpstream fake = fakes.get(upstream);
            assertTrue(fake.seen.stream().noneMatch(seen -> seen.path().startsWith("/api/v2")
                    || seen.path().startsWith("/api/v1/users")), upstream + " got an unrouted path");
        }
    }

    @Test
    void dotSegmentsCannotReachAnotherPath() {
        String answer = RawHttp.exchange("GET /api/v1/files/../tasks HTTP/1.1\r\nX-Api-Key: " + userKey);
        assertEquals(400, RawHttp.status(answer), answer);
        assertThat(answer, containsString("application/problem+json"));
        answer = RawHttp.exchange("GET /api/v1/tasks/%2e%2e/files HTTP/1.1\r\nX-Api-Key: " + userKey);
        assertEquals(400, RawHttp.status(answer), answer);
        for (Upstream upstream : new Upstream[] {Upstream.INGEST, Upstream.METADATA}) {
            assertTrue(fakes.get(upstream).seen.stream().noneMatch(seen -> seen.path().contains("..")
                    || seen.path().contains("%2e")), upstream + " got a path with dot segments");
        }
    }

    @Test
    void withoutAKeyNothingIsRouted() {
        // Counted by this request's marker: earlier tests' requests may still reach the shared fake meanwhile.
        String marker = "{\"unrouted\": \"" + java.util.UUID.randomUUID() + "\"}";
        TestIdentity.anonymous().contentType(ContentType.JSON).body(marker).post("/api/v1/files").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", not(nullValue()));
        String sha = java.util.HexFormat.of().formatHex(
                GeneratedBytes.sha256().digest(marker.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(0, fakes.get(Upstream.INGEST).seen.stream().filter(seen -> sha.equals(seen.bodySha256()))
                .count());
    }

    @Test
    void healthAndTheDocumentStayOpen() {
        TestIdentity.anonymous().get("/q/health/live").then().statusCode(200);
    }
}
