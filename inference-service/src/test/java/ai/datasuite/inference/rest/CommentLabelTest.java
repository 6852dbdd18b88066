package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import ai.datasuite.inference.support.CommentsTestProfile;
import ai.datasuite.inference.support.FakeCommentsMetadata;
import ai.datasuite.inference.support.FakeTextClassifier;

/** PUT /api/v1/comments/{num}/label: admin API keys (401/403/200) and label validation. */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class CommentLabelTest {

    private static final String PROBLEM = "application/problem+json";
    private long num;

    @BeforeEach
    void seed() {
        FakeCommentsMetadata.reset();
        FakeTextClassifier.reset();
        num = FakeCommentsMetadata.seedLabelled("so happy", "joy", null, 0.9);
    }

    @Test
    void noKeyIs401WithAChallengeAndHowToConfigureOne() {
        given().contentType(ContentType.JSON).body(Map.of("true_label", "joy"))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"))
                .body("detail", containsString("INFERENCE_ADMIN_KEYS"))
                .body("detail", containsString("X-Api-Key"));
        assertTrue(FakeCommentsMetadata.requests("PUT", "/").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization: Bearer not-a-key", "X-Api-Key: not-a-key", "Authorization: Bearer "
            + CommentsTestProfile.ADMIN_KEY + "x"})
    void unknownKeyIs401(String header) {
        String[] kv = header.split(": ", 2);
        given().header(kv[0], kv[1]).contentType(ContentType.JSON).body(Map.of("true_label", "joy"))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", notNullValue())
                .body("detail", containsString("not known"));
        assertTrue(FakeCommentsMetadata.requests("PUT", "/").isEmpty());
    }

    @Test
    void keyWithoutTheAdminRoleIs403() {
        given().header("X-Api-Key", CommentsTestProfile.READER_KEY)
                .contentType(ContentType.JSON).body(Map.of("true_label", "joy"))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("admin role"));
        assertNull(FakeCommentsMetadata.row(num).get("true_label"));
    }

    @Test
    void adminWithABearerKeyLabelsAndIsRecordedAsLabeller() {
        given().header("Authorization", "Bearer " + CommentsTestProfile.ADMIN_KEY)
                .contentType(ContentType.JSON).body(Map.of("true_label", "sadness", "feedback", "ironic, actually sad"))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(200)
                .body("true_label", equalTo("sadness"))
                .body("feedback", equalTo("ironic, actually sad"))
                .body("labelled_by", equalTo("root"))
                .body("labelled_at", notNullValue())
                .body("prediction_result", equalTo("joy"));
        var sent = FakeCommentsMetadata.requests("PUT", "/api/v1/comments/" + num + "/label").get(0).body();
        assertEquals("root", sent.get("labelled_by"));
        assertEquals("sadness", FakeCommentsMetadata.row(num).get("true_label"));
    }

    @Test
    void adminWithTheApiKeyHeaderAndNoFeedback() {
        given().header("X-Api-Key", CommentsTestProfile.ADMIN_KEY)
                .contentType(ContentType.JSON).body(Map.of("true_label", "joy"))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(200)
                .body("true_label", equalTo("joy"))
                .body("feedback", equalTo(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"happy", "Joy", "", "neutral "})
    void labelOutsideTheSevenIs400ListingThem(String label) {
        given().header("X-Api-Key", CommentsTestProfile.ADMIN_KEY)
                .contentType(ContentType.JSON).body(Map.of("true_label", label))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("anger, disgust, fear, joy, neutral, sadness, surprise"))
                .body("allowed", equalTo(List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise")));
        assertTrue(FakeCommentsMetadata.requests("PUT", "/").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"feedback\": \"x\"}", "{\"true_label\": 3}", "not json", ""})
    void missingOrMalformedBodyIs400(String body) {
        given().header("X-Api-Key", CommentsTestProfile.ADMIN_KEY)
                .contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(400).contentType(PROBLEM);
        assertTrue(FakeCommentsMetadata.requests("PUT", "/").isEmpty());
    }

    @Test
    void unknownCommentIs404() {
        given().header("X-Api-Key", CommentsTestProfile.ADMIN_KEY)
                .contentType(ContentType.JSON).body(Map.of("true_label", "joy"))
                .when().put("/api/v1/comments/424242/label")
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("424242"));
    }

    @Test
    void openEndpointsIgnoreAnUnknownKey() {
        given().header("X-Api-Key", "not-a-key")
                .when().get("/api/v1/comments/" + num)
                .then().statusCode(200);
    }
}
