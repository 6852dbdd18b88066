package ai.datasuite.metadata.key;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.TestIdentity;

/** The API key store: admins manage keys, only a service identity (the gateway's) looks one up by hash. */
@QuarkusTest
class KeyResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String FORBIDDEN = "urn:ai-data-suite:problem:forbidden";

    /** A fresh key body; the hash is of a random key, so tests never collide. */
    static Map<String, Object> newKey(String user, String role) {
        Map<String, Object> body = new HashMap<>();
        String hash = TestData.sha256("sk_" + TestData.prefix() + TestData.prefix());
        body.put("key_hash", hash);
        body.put("key_prefix", "sk_" + hash.substring(0, 6));
        body.put("user_id", user);
        body.put("role", role);
        return body;
    }

    private static RequestSpecification gateway() {
        return TestIdentity.as("chat-gateway", Roles.SERVICE);
    }

    private static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/keys")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void createAnswers201WithoutTheHashAndTheGatewayLooksItUp() {
        String user = TestData.prefix();
        Map<String, Object> body = newKey(user, Roles.ANNOTATOR);
        io.restassured.response.Response created = given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/keys");
        created.then().statusCode(201).contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("key_prefix", equalTo(body.get("key_prefix")))
                .body("user_id", equalTo(user))
                .body("role", equalTo(Roles.ANNOTATOR))
                .body("created_at", notNullValue())
                .body("$", not(hasKey("key_hash")));
        String id = created.path("id");
        created.then().header("Location", endsWith("/api/v1/keys/" + id));
        assertFalse(created.asString().contains((String) body.get("key_hash")), "the hash is never answered");

        gateway().get("/api/v1/keys/lookup/{hash}", body.get("key_hash")).then().statusCode(200)
                .body("id", equalTo(id))
                .body("user_id", equalTo(user))
                .body("role", equalTo(Roles.ANNOTATOR))
                .body("key_prefix", equalTo(body.get("key_prefix")))
                .body("created_at", equalTo(created.path("created_at")))
                .body("$", not(hasKey("key_hash")));
        // Hex case is not meaningful.
        gateway().get("/api/v1/keys/lookup/{hash}", ((String) body.get("key_hash")).toUpperCase(Locale.ROOT))
                .then().statusCode(200).body("id", equalTo(id));
        given().get("/api/v1/keys/{id}", id).then().statusCode(200).body("user_id", equalTo(user))
                .body("$", not(hasKey("key_hash")));
    }

    @Test
    void aStoredHashIs409() {
        Map<String, Object> body = newKey(TestData.prefix(), Roles.USER);
        create(body);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/keys")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:conflict"));
        Map<String, Object> upper = new HashMap<>(newKey(TestData.prefix(), Roles.ADMIN));
        upper.put("key_hash", ((String) body.get("key_hash")).toUpperCase(Locale.ROOT));
        given().contentType(ContentType.JSON).body(upper).post("/api/v1/keys").then().statusCode(409);
    }

    @Test
    void invalidBodiesAre400NamingTheField() {
        String user = TestData.prefix();
        assertInvalid(with(newKey(user, Roles.USER), "role", Roles.SERVICE), "role");
        assertInvalid(with(newKey(user, Roles.USER), "role", "root"), "role");
        assertInvalid(with(newKey(user, Roles.USER), "role", null), "role");
        assertInvalid(with(newKey(user, Roles.USER), "key_hash", "abc123"), "key_hash");
        assertInvalid(with(newKey(user, Roles.USER), "key_hash", "g".repeat(64)), "key_hash");
        assertInvalid(with(newKey(user, Roles.USER), "key_hash", "a".repeat(65)), "key_hash");
        assertInvalid(with(newKey(user, Roles.USER), "user_id", "-alice"), "user_id");
        assertInvalid(with(newKey(user, Roles.USER), "user_id", "a/b"), "user_id");
        assertInvalid(with(newKey(user, Roles.USER), "user_id", "a".repeat(65)), "user_id");
        assertInvalid(with(newKey(user, Roles.USER), "key_prefix", ""), "key_prefix");
        assertInvalid(with(newKey(user, Roles.USER), "key_prefix", "sk_0123456789"), "key_prefix");
        given().contentType(ContentType.JSON).body(with(newKey(user, Roles.USER), "user_id", "a".repeat(64)))
                .post("/api/v1/keys").then().statusCode(201);
        given().queryParam("user_id", user).get("/api/v1/keys").then().body("total", equalTo(0));
    }

    @Test
    void listIsAPageWithoutHashesFilteredByUser() {
        String user = TestData.prefix();
        String first = create(newKey(user, Roles.USER));
        String second = create(newKey(user, Roles.ADMIN));
        create(newKey(TestData.prefix(), Roles.USER));

        given().queryParam("user_id", user).get("/api/v1/keys").then().statusCode(200)
                .body("items.id", contains(second, first))
                .body("items.user_id", contains(user, user))
                .body("items[0]", not(hasKey("key_hash")))
                .body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(2));
        given().queryParam("user_id", user).queryParam("page", 1).queryParam("size", 1).get("/api/v1/keys")
                .then().statusCode(200).body("items.id", contains(first)).body("total", equalTo(2));
        given().queryParam("size", 200).get("/api/v1/keys").then().statusCode(200)
                .body("items.id", hasItem(first));
        given().queryParam("size", 201).get("/api/v1/keys").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("page", -1).get("/api/v1/keys").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void deleteRevokesAtOnce() {
        Map<String, Object> body = newKey(TestData.prefix(), Roles.USER);
        String id = create(body);
        gateway().get("/api/v1/keys/lookup/{hash}", body.get("key_hash")).then().statusCode(200);
        given().delete("/api/v1/keys/{id}", id).then().statusCode(204);
        gateway().get("/api/v1/keys/lookup/{hash}", body.get("key_hash")).then().statusCode(404)
                .contentType(PROBLEM).body("type", equalTo("urn:ai-data-suite:problem:not-found"))
                .body("detail", not(containsString((String) body.get("key_hash"))));
        given().get("/api/v1/keys/{id}", id).then().statusCode(404).contentType(PROBLEM);
        given().delete("/api/v1/keys/{id}", id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void onlyAdminsManageKeysAndOnlyServicesLookThemUp() {
        Map<String, Object> body = newKey(TestData.prefix(), Roles.USER);
        String id = create(body);
        for (String role : new String[] {Roles.USER, Roles.ANNOTATOR}) {
            RequestSpecification person = TestIdentity.as("eve", role);
            person.contentType(ContentType.JSON).body(newKey("eve", Roles.ADMIN)).post("/api/v1/keys")
                    .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN))
                    .body("detail", containsString("admin role"));
            TestIdentity.as("eve", role).get("/api/v1/keys").then().statusCode(403).contentType(PROBLEM);
            TestIdentity.as("eve", role).get("/api/v1/keys/{id}", id).then().statusCode(403);
            TestIdentity.as("eve", role).delete("/api/v1/keys/{id}", id).then().statusCode(403);
            TestIdentity.as("eve", role).get("/api/v1/keys/lookup/{hash}", body.get("key_hash"))
                    .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        }
        given().queryParam("user_id", "eve").get("/api/v1/keys").then().body("total", equalTo(0));
        // An admin manages keys but cannot probe them by hash, whoever signed the token.
        given().get("/api/v1/keys/lookup/{hash}", body.get("key_hash")).then().statusCode(403)
                .contentType(PROBLEM).body("detail", containsString("service identity"));
        TestData.viaGateway("root", Roles.ADMIN).get("/api/v1/keys/lookup/{hash}", body.get("key_hash"))
                .then().statusCode(403);
        given().get("/api/v1/keys/{id}", id).then().statusCode(200);
        // A malformed hash is refused before any look-up.
        gateway().get("/api/v1/keys/lookup/{hash}", "not-a-hash").then().statusCode(400).contentType(PROBLEM);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static void assertInvalid(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/keys")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("errors.field", contains(field));
    }
}
