package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import ai.datasuite.identity.Roles;
import ai.datasuite.inference.support.EmotionModelTestProfile;
import ai.datasuite.inference.support.FakeCommentsMetadata;
import ai.datasuite.inference.support.Poll;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * The built-in emotion model through HTTP: served by the same code path as any HF export, predicting comments now and
 * in the batch job, and retrained from annotators' labels (promoted only when not worse, or when forced).
 */
@QuarkusTest
@TestProfile(EmotionModelTestProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmotionWorkflowTest {

    @BeforeEach
    void reset() {
        FakeCommentsMetadata.reset();
    }

    @Test
    @Order(1)
    void theBuiltInModelIsRegisteredLikeAnHfExport() {
        Poll.until(() -> given().get("/api/v1/classifiers/emotion").then().extract().path("loaded"),
                Boolean.TRUE::equals, Duration.ofSeconds(60));
        given().when().get("/api/v1/classifiers/emotion")
                .then().statusCode(200)
                .body("version", equalTo("v1"))
                .body("labels", equalTo(List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise")))
                .body("input_names", hasItems("input_ids", "attention_mask"))
                .body("max_length", equalTo(512));
    }

    @Test
    @Order(2)
    void clearTextsGetTheirEmotion() {
        JsonPath answer = given().contentType(ContentType.JSON)
                .body(Map.of("texts", List.of("Thank you so much, I love this, it made my day!",
                        "I am furious, this makes me so angry", "That is disgusting, gross and revolting."),
                        "top_k", 7))
                .when().post("/api/v1/predict")
                .then().statusCode(200)
                .body("model", equalTo("emotion"))
                .body("model_version", equalTo("v1"))
                .body("predictions", hasSize(3))
                .extract().jsonPath();
        assertEquals(List.of("joy", "anger", "disgust"), answer.getList("predictions.label"));
        for (int i = 0; i < 3; i++) {
            List<Float> scores = answer.getList("predictions[" + i + "].ranked.score", Float.class);
            assertEquals(7, scores.size());
            assertEquals(1.0, scores.stream().mapToDouble(Float::doubleValue).sum(), 1e-4, "softmax sums to 1");
            assertEquals(answer.getFloat("predictions[" + i + "].score"), scores.get(0), 1e-6);
        }
    }

    @Test
    @Order(3)
    void commentsArePredictedNowOrByTheJob() {
        given().contentType(ContentType.JSON).queryParam("predict", "now")
                .body(Map.of("username", "alice", "comment", "I love this notice board, thank you!"))
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .body("prediction_result", equalTo("joy"))
                .body("model_version", equalTo("v1"));

        long pending = FakeCommentsMetadata.seed("bob", "This is so annoying, I am really angry about it");
        String location = given().when().post("/api/v1/jobs/predict").then().statusCode(202).extract().header("Location");
        Poll.until(() -> given().get(location).then().extract().path("status"), s -> !"running".equals(s),
                Duration.ofSeconds(60));
        given().get(location).then().body("status", equalTo("succeeded")).body("predicted", equalTo(1));
        Map<String, Object> row = FakeCommentsMetadata.row(pending);
        assertEquals("anger", row.get("prediction_result"));
        assertEquals("v1", row.get("model_version"));
    }

    @Test
    @Order(4)
    void retrainingNeedsAnAdminAndTheBuiltInModel() {
        TestIdentity.anonymous().when().post("/api/v1/classifiers/emotion/retrain").then().statusCode(401)
                .contentType("application/problem+json");
        for (String role : new String[] {Roles.USER, Roles.ANNOTATOR}) {
            TestIdentity.as("bob", role).when().post("/api/v1/classifiers/emotion/retrain").then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                    .body("detail", containsString("admin role"));
        }
        given().get("/api/v1/jobs").then().statusCode(200).body("kind", org.hamcrest.Matchers.not(hasItems("retrain")));
        TestIdentity.as("alice", Roles.ADMIN).when().post("/api/v1/classifiers/other/retrain").then().statusCode(404)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"));
        TestIdentity.as("alice", Roles.ADMIN).queryParam("force", "maybe")
                .when().post("/api/v1/classifiers/emotion/retrain").then().statusCode(400);
    }

    @Test
    @Order(5)
    void retrainingKeepsTheServedVersionWhenWorseAndPromotesWhenForced() {
        // Admin feedback that the retrain must read from metadata-service.
        FakeCommentsMetadata.seedLabelled("I can't stop smiling today", "neutral", "joy", 0.4);
        FakeCommentsMetadata.seedLabelled("This queue is a scandal, I'm livid", "sadness", "anger", 0.5);

        // The test profile caps training at 300 rows, so v2 is weaker than v1 (trained on all of train): kept.
        JsonPath kept = retrain(false);
        assertEquals("succeeded", kept.getString("status"), kept.prettify());
        assertEquals("v2", kept.getString("result.new_version"));
        assertEquals("v1", kept.getString("result.previous_version"));
        assertEquals(false, kept.getBoolean("result.promoted"));
        assertEquals(2, kept.getInt("result.labelled_comments"));
        assertEquals(kept.getInt("result.new_dev.n"), kept.getInt("result.previous_dev.n"), "compared on the same rows");
        assertTrue(kept.getDouble("result.new_dev.macro_f1") < kept.getDouble("result.previous_dev.macro_f1"));
        assertTrue(kept.getString("message").contains("force=true"), kept.getString("message"));
        given().get("/api/v1/classifiers/emotion").then().body("version", equalTo("v1"));

        // Forced: the admin's call, against the metrics.
        JsonPath forced = retrain(true);
        assertEquals("v3", forced.getString("result.new_version"));
        assertEquals(true, forced.getBoolean("result.promoted"));
        assertEquals(true, forced.getBoolean("result.forced"));
        given().get("/api/v1/classifiers/emotion").then().body("version", equalTo("v3")).body("loaded", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("texts", List.of("what a lovely day")))
                .when().post("/api/v1/predict")
                .then().statusCode(200).body("model_version", equalTo("v3"));
    }

    private static JsonPath retrain(boolean force) {
        String location = TestIdentity.as("alice", Roles.ADMIN).queryParam("force", force)
                .when().post("/api/v1/classifiers/emotion/retrain")
                .then().statusCode(202)
                .body("kind", equalTo("retrain"))
                .body("owner", equalTo("alice"))
                .body("worker", equalTo("alice"))
                .header("Location", containsString("/api/v1/jobs/"))
                .extract().header("Location");
        assertNotNull(location);
        String status = Poll.until(() -> given().get(location).then().extract().path("status"),
                s -> !"running".equals(s), Duration.ofMinutes(3));
        assertNotNull(status);
        return given().get(location).then().statusCode(200).extract().jsonPath();
    }
}
