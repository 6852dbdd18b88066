package ai.datasuite.retrieval.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.retrieval.support.DatasetsTestProfile;
import ai.datasuite.retrieval.support.FakeDatasetsMetadata;
import ai.datasuite.retrieval.support.FakeIngest;
import ai.datasuite.testsupport.identity.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint needs the gateway's signed identity: no token, a forged one (signed with another key) and an expired
 * one are 401 problems with a Bearer challenge, before anything runs (no hop reaches ingest or metadata); health,
 * metrics and the OpenAPI document stay open.
 */
@QuarkusTest
@TestProfile(DatasetsTestProfile.class)
class IdentityRequiredTest {

    private static final String DATASET = UUID.randomUUID().toString();

    /** Representative calls of each resource, as a function of the request they are sent with. */
    private static final Map<String, Function<RequestSpecification, Response>> CALLS = Map.ofEntries(
            Map.entry("POST /api/v1/documents", r -> r.contentType(ContentType.JSON).body(Map.of("source_file_id",
                    "f", "chunks", List.of(Map.of("text", "x", "position", 0)))).post("/api/v1/documents")),
            Map.entry("POST /api/v1/documents/search", r -> r.contentType(ContentType.JSON)
                    .body(Map.of("query", "q")).post("/api/v1/documents/search")),
            Map.entry("DELETE /api/v1/documents", r -> r.queryParam("source_file_id", "f")
                    .delete("/api/v1/documents")),
            Map.entry("POST /api/v1/datasets", r -> r.multiPart("file", "a.csv",
                    "context,question,answer\nc,q,a\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                    .multiPart("name", "n").post("/api/v1/datasets")),
            Map.entry("GET /api/v1/datasets/{id}", r -> r.get("/api/v1/datasets/" + DATASET)),
            Map.entry("GET /api/v1/models/get_datasets", r -> r.get("/api/v1/models/get_datasets")),
            Map.entry("GET /api/v1/models/list_model", r -> r.get("/api/v1/models/list_model")),
            Map.entry("POST /api/v1/models/list_model", r -> r.post("/api/v1/models/list_model")),
            Map.entry("POST /api/v1/models/find_context", r -> r.contentType(ContentType.JSON)
                    .body(Map.of("model_id", "m", "question", "q")).post("/api/v1/models/find_context")),
            Map.entry("DELETE /api/v1/models/remove_all", r -> r.delete("/api/v1/models/remove_all")),
            Map.entry("POST /api/v1/collections/{name}/items", r -> r.contentType(ContentType.JSON)
                    .body(Map.of("items", List.of(Map.of("id", "1", "text", "t"))))
                    .post("/api/v1/collections/c1/items")),
            Map.entry("GET /api/v1/collections", r -> r.get("/api/v1/collections")),
            Map.entry("POST /api/v1/collections/{name}/projection", r -> r.contentType(ContentType.JSON)
                    .body("{}").post("/api/v1/collections/c1/projection")));

    @BeforeEach
    void reset() {
        FakeIngest.reset();
        FakeDatasetsMetadata.reset();
    }

    @Test
    void noForgedOrExpiredTokenIs401OnEveryResource() {
        Map<String, Function<Void, RequestSpecification>> identities = Map.of(
                "none", v -> TestIdentity.anonymous(),
                "forged", v -> TestIdentity.anonymous().header("Authorization",
                        "Bearer " + TestIdentity.forgedToken("mallory", Roles.ADMIN)),
                "expired", v -> TestIdentity.anonymous().header("Authorization",
                        "Bearer " + TestIdentity.expiredToken("alice", Roles.ADMIN)),
                "not a JWT", v -> TestIdentity.anonymous().header("Authorization", "Bearer not-a-jwt"),
                "an API key", v -> TestIdentity.anonymous().header("X-Api-Key", "sk-some-key"));
        for (var identity : identities.entrySet()) {
            for (var call : CALLS.entrySet()) {
                Response response = call.getValue().apply(identity.getValue().apply(null));
                assertEquals(401, response.statusCode(), identity.getKey() + ": " + call.getKey());
                response.then().contentType("application/problem+json")
                        .header("WWW-Authenticate", startsWith("Bearer"))
                        .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"))
                        .body("status", equalTo(401));
            }
        }
        assertTrue(FakeIngest.REQUESTS.isEmpty(), "no hop to ingest: " + FakeIngest.REQUESTS);
        assertTrue(FakeDatasetsMetadata.REQUESTS.isEmpty(), "no hop to metadata: " + FakeDatasetsMetadata.REQUESTS);
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentStayOpen() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            TestIdentity.anonymous().get(path).then().statusCode(200);
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheIdentityAnswers() {
        String problem = ".content.'application/problem+json'.examples";
        TestIdentity.anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/documents/search'.post.responses.'401'" + problem + ".no-token.value.status",
                        equalTo(401))
                .body("paths.'/api/v1/datasets/{id}'.get.responses.'401'" + problem + ".no-token.value.status",
                        equalTo(401))
                .body("paths.'/api/v1/models/list_model'.post.responses.'401'" + problem + ".no-token.value.status",
                        equalTo(401))
                .body("paths.'/api/v1/models/get_datasets'.get.responses.'401'" + problem
                        + ".no-token.value.status", equalTo(401))
                .body("paths.'/api/v1/documents'.post.responses.'403'" + problem + ".other-owner.value.status",
                        equalTo(403))
                .body("paths.'/api/v1/documents'.delete.responses.'403'" + problem + ".other-owner.value.status",
                        equalTo(403))
                .body("paths.'/api/v1/datasets'.post.responses.'403'" + problem + ".other-owner.value.status",
                        equalTo(403))
                .body("paths.'/api/v1/models/remove_all'.delete.responses.'403'" + problem
                        + ".not-admin.value.status", equalTo(403))
                .body("paths.'/api/v1/models/remove/{model_id}'.delete.responses.'403'" + problem
                        + ".not-owner.value.model_id", equalTo("squad-tfidf-bigrams"))
                .body("paths.'/api/v1/models/fit_save'.post.requestBody.content.'application/json'.examples"
                        + ".tf-idf.value.model_type", equalTo("tf-idf"))
                .body("paths.'/api/v1/models/list_model'.post.responses.'200'.content.'application/json'.examples"
                        + ".models.value[0].owner", equalTo("alice"))
                .body("paths.'/api/v1/models/get_datasets'.get.parameters.find { it.name == 'owner' }.in",
                        equalTo("query"));
    }

    @Test
    void aValidTokenIsEnough() {
        // The same calls with a verified user answer their own statuses, never 401.
        for (var call : CALLS.entrySet()) {
            int status = call.getValue().apply(TestIdentity.as("alice", Roles.USER)).statusCode();
            assertTrue(status != 401, call.getKey() + " answered 401");
        }
        given().get("/api/v1/models/list_model").then().statusCode(200);
    }
}
