package ai.datasuite.inference.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.testsupport.HttpCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * {@link FakeCommentsMetadata} answers only what metadata-service's committed OpenAPI document allows. inference's
 * own API drives its metadata client through every call it makes (create, create with a prediction, list, get, an
 * unknown id, label, statistics, and a prediction job: claims and results); the validation answers and an outage are
 * asked of the fake directly.
 */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class FakeCommentsContractTest {

    /**
     * Answers metadata-service's document gives no schema for: none left (the list only shrinks; GET /api/v1/comments
     * documents its page since the provider names it CommentPage).
     */
    static final Set<String> KNOWN_GAPS = Set.of();


    @ConfigProperty(name = "quarkus.rest-client.metadata.url")
    String metadata;

    @BeforeEach
    void clear() {
        FakeCommentsMetadata.reset();
        FakeTextClassifier.reset();
        FakeCommentsMetadata.CONTRACT.clear();
    }

    @AfterEach
    void up() {
        FakeCommentsMetadata.reset();
    }

    @Test
    void everyAnswerInferenceGetsIsOneMetadataServiceCanGive() {
        int num = given().contentType(ContentType.JSON).body(Map.of("username", "alice", "comment", "I love this!"))
                .when().post("/api/v1/comments").then().statusCode(201).extract().path("num");
        given().contentType(ContentType.JSON).body(Map.of("username", "bob", "comment", "So happy with the update"))
                .queryParam("predict", "now").when().post("/api/v1/comments").then().statusCode(201);
        FakeCommentsMetadata.seed("carol", "so scared of the dark");
        given().queryParam("user", "alice").when().get("/api/v1/comments").then().statusCode(200);
        given().when().get("/api/v1/comments/" + num).then().statusCode(200);
        given().when().get("/api/v1/comments/999999").then().statusCode(404);
        String location = given().when().post("/api/v1/jobs/predict").then().statusCode(202).extract().header("Location");
        Poll.until(() -> given().when().get(location).then().statusCode(200).extract().jsonPath().getString("status"),
                status -> !"running".equals(status), Duration.ofSeconds(20));
        given().contentType(ContentType.JSON)
                .body(Map.of("true_label", "joy", "feedback", "right")).when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(200);
        given().when().get("/api/v1/comments/stats").then().statusCode(200);
        assertTrue(FakeCommentsMetadata.requests("POST", "/api/v1/comments/claims").size() > 0, "the job claimed");
        assertTrue(FakeCommentsMetadata.requests("POST", "/api/v1/comments/results").size() > 0, "the job wrote");
        FakeCommentsMetadata.CONTRACT.assertNone();
        FakeCommentsMetadata.CONTRACT.assertUnchecked(KNOWN_GAPS);
        // Every call carried a verified identity: the caller's for requests, the service's own for the job.
        for (FakeCommentsMetadata.Recorded request : FakeCommentsMetadata.REQUESTS) {
            assertTrue(request.caller() != null, request.method() + " " + request.path() + " carried no valid identity");
            assertEquals("inference-service", request.caller().signedBy(), request.path());
        }

        // Requests metadata-service refuses: the requests break its contract on purpose, the answers must not.
        // They come from this test, not from inference, so they carry no identity.
        FakeCommentsMetadata.UNSIGNED_ALLOWED.set(true);
        assertEquals(400, call("POST", "", Map.of("username", "alice", "comment", " ")));
        assertEquals(400, call("GET", "?size=0", null));
        assertEquals(400, call("POST", "/claims", Map.of("worker", "w", "limit", 0, "lease_seconds", 60,
                "max_attempts", 3)));
        assertEquals(400, call("POST", "/results", Map.of("worker", "w",
                "predictions", List.of(Map.of("num", num, "label", "bliss", "score", 0.5, "model_version", "v")))));
        assertEquals(404, call("PUT", "/999999/label", Map.of("true_label", "joy", "labelled_by", "root")));
        assertEquals(400, call("PUT", "/" + num + "/label", Map.of("true_label", "bliss", "labelled_by", "root")));
        FakeCommentsMetadata.DOWN.set(true);
        assertEquals(503, call("GET", "/" + num, null));
        List<String> refused = FakeCommentsMetadata.CONTRACT.violations();
        assertEquals(List.of(), refused.stream().filter(v -> !v.contains(" (request): ")).toList());
        assertEquals(7, refused.size(), refused::toString);
    }

    @Test
    void anAnswerWithAFieldMetadataServiceDoesNotHaveIsCaught() {
        long num = FakeCommentsMetadata.seed("alice", "I love this!");
        Map<String, Object> view = new LinkedHashMap<>(FakeCommentsMetadata.row(num));
        FakeCommentsMetadata.CONTRACT.answer("GET", "/api/v1/comments/" + num, 200, "application/json", view);
        FakeCommentsMetadata.CONTRACT.assertNone();

        // As the fake would answer if its view grew a field that metadata-service does not have (or lost in a rename).
        view.put("sentiment", "positive");
        FakeCommentsMetadata.CONTRACT.answer("GET", "/api/v1/comments/" + num, 200, "application/json", view);
        assertEquals(List.of("GET /api/v1/comments/{num} -> 200: $.sentiment is not a property the provider has in"
                        + " Comment (it has: attempts, comments, feedback, labelled_at, labelled_by, last_error,"
                        + " model_version, num, predicted_at, prediction_result, prediction_score, request_time,"
                        + " request_user, status, true_label)"),
                FakeCommentsMetadata.CONTRACT.violations());
        FakeCommentsMetadata.CONTRACT.clear();
    }

    private int call(String method, String path, Object body) {
        return HttpCalls.status(method, metadata + "/api/v1/comments" + path, body);
    }
}
