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

import ai.datasuite.identity.Roles;
import ai.datasuite.inference.support.CommentsTestProfile;
import ai.datasuite.inference.support.FakeCaller;
import ai.datasuite.inference.support.FakeCommentsMetadata;
import ai.datasuite.inference.support.FakeTextClassifier;
import ai.datasuite.testsupport.identity.TestIdentity;

/** PUT /api/v1/comments/{num}/label: who may label (401/403/200), who is recorded, and label validation. */
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
    void noIdentityIs401WithAChallengeAndWhereToSendTheKey() {
        TestIdentity.anonymous().contentType(ContentType.JSON).body(Map.of("true_label", "joy"))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"))
                .body("detail", containsString("chat-gateway"))
                .body("detail", containsString("X-Api-Key"));
        assertTrue(FakeCommentsMetadata.requests("PUT", "/").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"forged", "expired", "not-a-jwt", "an-api-key"})
    void anInvalidTokenIs401(String kind) {
        var request = switch (kind) {
            case "forged" -> given().header("Authorization", "Bearer " + TestIdentity.forgedToken("carol", Roles.ADMIN));
            case "expired" -> given().header("Authorization", "Bearer " + TestIdentity.expiredToken("carol", Roles.ADMIN));
            case "not-a-jwt" -> given().header("Authorization", "Bearer not-a-jwt");
            // API keys are the gateway's: here one is no identity at all.
            default -> given().header("X-Api-Key", "admin-key-123");
        };
        request.contentType(ContentType.JSON).body(Map.of("true_label", "joy"))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", notNullValue())
                .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"));
        assertTrue(FakeCommentsMetadata.requests("PUT", "/").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"true_label\": \"joy\"}", "{\"true_label\": \"happy\"}", "not json"})
    void aPlainUserIs403WhateverTheBody(String body) {
        TestIdentity.as("dave", Roles.USER)
                .contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("annotator"));
        assertNull(FakeCommentsMetadata.row(num).get("true_label"));
        assertTrue(FakeCommentsMetadata.requests("PUT", "/").isEmpty());
    }

    @Test
    void anAnnotatorLabelsAndIsRecordedAsLabeller() {
        TestIdentity.as("carol", Roles.ANNOTATOR)
                .contentType(ContentType.JSON).body(Map.of("true_label", "sadness", "feedback", "ironic, actually sad"))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(200)
                .body("true_label", equalTo("sadness"))
                .body("feedback", equalTo("ironic, actually sad"))
                .body("labelled_by", equalTo("carol"))
                .body("labelled_at", notNullValue())
                .body("prediction_result", equalTo("joy"));
        var sent = FakeCommentsMetadata.requests("PUT", "/api/v1/comments/" + num + "/label").get(0);
        assertEquals("carol", sent.body().get("labelled_by"));
        // metadata-service sees the annotator, re-signed by this service, and applies its own rules to her.
        assertEquals(new FakeCaller("carol", Roles.ANNOTATOR, "inference-service"), sent.caller());
        assertEquals("sadness", FakeCommentsMetadata.row(num).get("true_label"));
    }

    @Test
    void labelledByNamingTheCallerIsAcceptedAndAnyoneElseIs403() {
        TestIdentity.as("carol", Roles.ANNOTATOR)
                .contentType(ContentType.JSON).body(Map.of("true_label", "joy", "labelled_by", "carol"))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(200).body("labelled_by", equalTo("carol"));
        for (String role : new String[] {Roles.ANNOTATOR, Roles.ADMIN}) {
            TestIdentity.as("carol", role)
                    .contentType(ContentType.JSON).body(Map.of("true_label", "fear", "labelled_by", "root"))
                    .when().put("/api/v1/comments/" + num + "/label")
                    .then().statusCode(403).contentType(PROBLEM)
                    .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                    .body("detail", containsString("'labelled_by' names another user ('root')"));
        }
        assertEquals("joy", FakeCommentsMetadata.row(num).get("true_label"));
        assertEquals("carol", FakeCommentsMetadata.row(num).get("labelled_by"));
        assertEquals(1, FakeCommentsMetadata.requests("PUT", "/").size());
    }

    @Test
    void anAdminLabelsWithoutFeedback() {
        given().contentType(ContentType.JSON).body(Map.of("true_label", "joy"))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(200)
                .body("true_label", equalTo("joy"))
                .body("labelled_by", equalTo("test-admin"))
                .body("feedback", equalTo(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"happy", "Joy", "", "neutral "})
    void labelOutsideTheSevenIs400ListingThem(String label) {
        given().contentType(ContentType.JSON).body(Map.of("true_label", label))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("anger, disgust, fear, joy, neutral, sadness, surprise"))
                .body("allowed", equalTo(List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise")));
        assertTrue(FakeCommentsMetadata.requests("PUT", "/").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"feedback\": \"x\"}", "{\"true_label\": 3}", "not json", ""})
    void missingOrMalformedBodyIs400(String body) {
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(400).contentType(PROBLEM);
        assertTrue(FakeCommentsMetadata.requests("PUT", "/").isEmpty());
    }

    @Test
    void feedbackOverTheConfiguredLengthIs400NamingTheLimitBeforeMetadataIsCalled() {
        given().contentType(ContentType.JSON).body(Map.of("true_label", "joy", "feedback", "f".repeat(2001)))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("feedback"))
                .body("limit", equalTo("inference.comments.limits.max-feedback-chars"));
        assertTrue(FakeCommentsMetadata.requests("PUT", "/").isEmpty());
        given().contentType(ContentType.JSON).body(Map.of("true_label", "joy", "feedback", "f".repeat(2000)))
                .when().put("/api/v1/comments/" + num + "/label")
                .then().statusCode(200);
    }

    @Test
    void unknownCommentIs404() {
        given().contentType(ContentType.JSON).body(Map.of("true_label", "joy"))
                .when().put("/api/v1/comments/424242/label")
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("424242"));
    }
}
