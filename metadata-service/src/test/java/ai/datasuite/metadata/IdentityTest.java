package ai.datasuite.metadata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * Every REST endpoint needs a verified identity (401 problem+json without one, or with a forged or expired one), while
 * health, metrics and the OpenAPI document stay open; internal endpoints refuse a person's call signed by the gateway.
 */
@QuarkusTest
class IdentityTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String UNAUTHORIZED = "urn:ai-data-suite:problem:unauthorized";
    private static final String FORBIDDEN = "urn:ai-data-suite:problem:forbidden";

    /** One representative call per resource: method, path, JSON body (null for none). */
    private record Call(String method, String path, Object body) {
    }

    private static final List<Call> CALLS = List.of(
            new Call("GET", "/api/v1/files", null),
            new Call("GET", "/api/v1/files/3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60", null),
            new Call("POST", "/api/v1/files/references", Map.of("bucket", "b", "keys", List.of("k"))),
            new Call("GET", "/api/v1/datasets", null),
            new Call("POST", "/api/v1/comments", Map.of("comment", "hello")),
            new Call("GET", "/api/v1/comments/stats", null),
            new Call("GET", "/api/v1/tasks", null),
            new Call("GET", "/api/v1/keys", null),
            new Call("GET", "/api/v1/keys/lookup/" + "a".repeat(64), null),
            new Call("GET", "/api/v1/notices", null),
            new Call("POST", "/api/v1/notices", Map.of("title", "t", "body", "b")),
            new Call("GET", "/api/v1/conversations", null),
            new Call("POST", "/api/v1/conversations", Map.of()),
            new Call("POST", "/api/v1/conversations/7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d/messages",
                    Map.of("role", "user", "content", "hi")));

    @Test
    void callsWithoutATokenAre401Problems() {
        assertEvery401(TestIdentity::anonymous);
    }

    @Test
    void callsWithAForgedTokenAre401Problems() {
        String forged = TestIdentity.forgedToken("mallory", Roles.ADMIN);
        assertEvery401(() -> given().header("Authorization", "Bearer " + forged));
    }

    @Test
    void callsWithAnExpiredTokenAre401Problems() {
        String expired = TestIdentity.expiredToken("alice", Roles.ADMIN);
        assertEvery401(() -> given().header("Authorization", "Bearer " + expired));
    }

    @Test
    void aBearerThatIsNoTokenIs401() {
        assertEvery401(() -> given().header("Authorization", "Bearer not-a-token"));
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentStayOpen() {
        TestIdentity.anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        TestIdentity.anonymous().get("/q/health/live").then().statusCode(200);
        TestIdentity.anonymous().get("/q/metrics").then().statusCode(200);
        TestIdentity.anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void internalEndpointsRefuseAPersonsCallSignedByTheGateway() {
        String p = TestData.prefix();
        Map<String, Object> file = TestData.newFile(p, "a.txt");
        for (String role : List.of(Roles.USER, Roles.ADMIN)) {
            assertRefused(TestData.viaGateway(p, role).contentType(ContentType.JSON).body(file)
                    .post("/api/v1/files"), "Creating file records");
            assertRefused(TestData.viaGateway(p, role).contentType(ContentType.JSON)
                    .body(Map.of("bucket", "suite-files", "keys", List.of(p + "/x")))
                    .post("/api/v1/files/references"), "Checking stored object keys");
            assertRefused(TestData.viaGateway(p, role).contentType(ContentType.JSON)
                    .body(Map.of("name", "qa", "file_id", file.get("id"), "rows", 1, "distinct_contexts", 1,
                            "columns", List.of("context")))
                    .post("/api/v1/datasets"), "Cataloguing datasets");
            assertRefused(TestData.viaGateway(p, role).contentType(ContentType.JSON)
                    .body(Map.of("worker", "w", "limit", 1, "lease_seconds", 60, "max_attempts", 3))
                    .post("/api/v1/comments/claims"), "Claiming comments");
            assertRefused(TestData.viaGateway(p, role).contentType(ContentType.JSON)
                    .body(Map.of("worker", "w", "predictions", List.of(), "failures", List.of()))
                    .post("/api/v1/comments/results"), "batch job's results");
        }
        // Nothing was created by the refused calls.
        given().get("/api/v1/files/{id}", file.get("id")).then().statusCode(404);
        // The same user through a service hop (ingest re-signing the user's identity) may create their record,
        TestIdentity.as(p, Roles.USER).contentType(ContentType.JSON).body(file).post("/api/v1/files")
                .then().statusCode(201).body("owner_id", equalTo(p));
        // and a gateway-signed call of a public kind still works.
        TestData.viaGateway(p, Roles.USER).get("/api/v1/tasks").then().statusCode(200);
    }

    private static void assertRefused(io.restassured.response.Response answer, String what) {
        answer.then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(FORBIDDEN))
                .body("detail", containsString(what));
    }

    private static void assertEvery401(Supplier<RequestSpecification> request) {
        for (Call call : CALLS) {
            RequestSpecification spec = request.get();
            if (call.body() != null) {
                spec = spec.contentType(ContentType.JSON).body(call.body());
            }
            spec.request(call.method(), call.path())
                    .then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo(UNAUTHORIZED))
                    .body("status", equalTo(401));
        }
    }
}
