package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class CommentResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void reset() {
        FakeCommentsMetadata.reset();
        FakeTextClassifier.reset();
    }

    @Test
    void postWithoutPredictStoresPendingAndDoesNotClassify() {
        int num = given().contentType(ContentType.JSON)
                .body(Map.of("username", "alice", "comment", "I love this!"))
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/comments/" + FakeCommentsMetadata.rows().get(0).get("num")))
                .body("status", equalTo("pending"))
                .body("comments", equalTo("I love this!"))
                .body("request_user", equalTo("alice"))
                .body("prediction_result", nullValue())
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("notice")))
                .extract().path("num");
        assertEquals(0, FakeTextClassifier.CALLS.get());
        var sent = FakeCommentsMetadata.requests("POST", "/api/v1/comments").get(0).body();
        assertEquals(Map.of("username", "alice", "comment", "I love this!"), sent);
        assertEquals("pending", FakeCommentsMetadata.row(num).get("status"));
    }

    @Test
    void predictNowClassifiesAndStoresThePredictionInTheSameCall() {
        String text = "So happy with the update";
        int num = given().contentType(ContentType.JSON)
                .body(Map.of("username", "bob", "comment", text))
                .queryParam("predict", "now")
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .body("status", equalTo("predicted"))
                .body("prediction_result", equalTo("joy"))
                .body("prediction_score", equalTo((float) FakeTextClassifier.scoreOf(text)))
                .body("model_version", equalTo("fake-1"))
                .body("predicted_at", notNullValue())
                .extract().path("num");
        assertEquals(List.of("emotion-test"), FakeTextClassifier.MODEL_IDS);
        var posts = FakeCommentsMetadata.requests("POST", "/api/v1/comments");
        assertEquals(1, posts.size(), "one create call carries the prediction");
        assertEquals(Map.of("label", "joy", "score", FakeTextClassifier.scoreOf(text), "model_version", "fake-1"),
                posts.get(0).body().get("prediction"));
        assertEquals(1, FakeCommentsMetadata.writes().get((long) num));
    }

    @Test
    void predictNowWithTheModelUnloadedStillStoresTheCommentPendingAndSaysSo() {
        FakeTextClassifier.UNLOADED.set(true);
        int num = given().contentType(ContentType.JSON)
                .body(Map.of("username", "carl", "comment", "Where is my order?"))
                .queryParam("predict", "now")
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .body("status", equalTo("pending"))
                .body("prediction_result", nullValue())
                .body("notice", containsString("stored pending"))
                .body("notice", containsString("is not loaded"))
                .extract().path("num");
        assertEquals("Where is my order?", FakeCommentsMetadata.row(num).get("comments"));
        assertNull(FakeCommentsMetadata.requests("POST", "/api/v1/comments").get(0).body().get("prediction"));
    }

    @Test
    void predictNowWhenTheClassifierFailsOtherwiseStillStoresTheComment() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "dana", "comment", "odd text " + FakeTextClassifier.FAIL_MARKER))
                .queryParam("predict", "now")
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .body("status", equalTo("pending"))
                .body("notice", containsString("stored pending"))
                // The classifier's exception text is for the log, not for the author.
                .body("notice", not(containsString("refuses texts")))
                .body("notice", not(containsString("Exception")));
        assertEquals(1, FakeCommentsMetadata.rows().size());
    }

    @Test
    void aModelWithoutVersionIsRecordedUnderItsId() {
        FakeTextClassifier.NO_VERSION.set(true);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "bob", "comment", "wow"))
                .queryParam("predict", "now")
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .body("prediction_result", equalTo("surprise"))
                .body("model_version", equalTo("emotion-test"));
    }

    @Test
    void predictOtherThanNowIsRejected() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "alice", "comment", "hi"))
                .queryParam("predict", "later")
                .when().post("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("detail", containsString("predict must be 'now'"));
        assertTrue(FakeCommentsMetadata.REQUESTS.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"username\": \"al\\u0007ice\", \"comment\": \"hi\"}",
            "{\"username\": \"alice\"}",
            "{\"username\": \"alice\", \"comment\": \"   \"}",
            "{\"username\": \"alice\", \"comment\": {\"text\": \"hi\"}}",
            "{\"username\": \"alice\", \"comment\": ",
            "[]",
            ""})
    void invalidBodiesAreRejectedBeforeReachingMetadata(String body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("detail", notNullValue());
        assertTrue(FakeCommentsMetadata.REQUESTS.isEmpty());
    }

    @Test
    void tooLongUsernameAndCommentAreRejected() {
        given().contentType(ContentType.JSON).body(Map.of("username", "u".repeat(151), "comment", "hi"))
                .when().post("/api/v1/comments")
                .then().statusCode(400).body("errors.field", hasItems("username"));
        given().contentType(ContentType.JSON).body(Map.of("username", "u", "comment", "c".repeat(5001)))
                .when().post("/api/v1/comments")
                .then().statusCode(400).body("errors.field", hasItems("comment"));
        // Lengths count code points, as metadata-service does: 5000 emoji are 10000 UTF-16 units but fit.
        String emoji = "\uD83D\uDE00";
        given().contentType(ContentType.JSON).body(Map.of("username", "u", "comment", emoji.repeat(5001)))
                .when().post("/api/v1/comments")
                .then().statusCode(400).body("errors.field", hasItems("comment"))
                .body("detail", startsWith("comment must be at most 5000 characters"))
                .body("limit", equalTo("inference.comments.limits.max-chars"));
        given().contentType(ContentType.JSON).body(Map.of("username", "u".repeat(150), "comment", "c".repeat(5000)))
                .when().post("/api/v1/comments")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("username", emoji.repeat(150), "comment", emoji.repeat(5000)))
                .when().post("/api/v1/comments")
                .then().statusCode(201);
        assertEquals(2, FakeCommentsMetadata.REQUESTS.size());
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/comments")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void getOneComment() {
        long num = FakeCommentsMetadata.seed("erin", "wow, did not expect that");
        given().when().get("/api/v1/comments/" + num)
                .then().statusCode(200)
                .body("num", equalTo((int) num))
                .body("request_user", equalTo("erin"))
                .body("status", equalTo("pending"))
                .body("attempts", equalTo(0));
    }

    @Test
    void unknownCommentIs404() {
        given().when().get("/api/v1/comments/999999")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"))
                .body("detail", containsString("999999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-3", "1.5", "99999999999999999999"})
    void badNumIs400(String num) {
        given().when().get("/api/v1/comments/" + num)
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("num must be a positive whole number"));
    }

    @Test
    void listForwardsFiltersAndPaging() {
        FakeCommentsMetadata.seed("alice", "one");
        long joy = FakeCommentsMetadata.seedLabelled("so happy", "joy", "joy", 0.9);
        FakeCommentsMetadata.seedLabelled("so sad", "sadness", "fear", 0.8);
        given().queryParam("predicted_label", "joy").queryParam("true_label", "joy")
                .queryParam("labelled", "true").queryParam("status", "predicted")
                .queryParam("from", "2020-01-01").queryParam("to", "2100-01-01T00:00:00Z")
                .queryParam("user", "seed").queryParam("page", "0").queryParam("size", "10")
                .when().get("/api/v1/comments")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].num", equalTo((int) joy))
                .body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(10));
        String query = FakeCommentsMetadata.requests("GET", "/api/v1/comments?").get(0).path();
        for (String part : List.of("predicted_label=joy", "true_label=joy", "labelled=true", "status=predicted",
                "from=2020-01-01", "to=2100-01-01T00%3A00%3A00Z", "user=seed", "page=0", "size=10")) {
            assertTrue(query.contains(part), query + " lacks " + part);
        }
    }

    @Test
    void listDefaultsToNewestFirstAndFiftyPerPage() {
        long first = FakeCommentsMetadata.seed("a", "x");
        long second = FakeCommentsMetadata.seed("b", "y");
        given().when().get("/api/v1/comments")
                .then().statusCode(200)
                .body("items.num", equalTo(List.of((int) second, (int) first)))
                .body("size", equalTo(50));
        String query = FakeCommentsMetadata.requests("GET", "/api/v1/comments").get(0).path();
        assertFalse(query.contains("labelled"), "absent filters are not forwarded: " + query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"predicted_label=happy", "true_label=Joy", "status=done", "labelled=yes",
            "from=yesterday", "to=2026-13-01", "page=-1", "size=0", "size=501", "page=x", "size=ten"})
    void badListParametersAre400WithoutCallingMetadata(String parameter) {
        given().when().get("/api/v1/comments?" + parameter)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("detail", containsString(parameter.substring(0, parameter.indexOf('='))));
        assertTrue(FakeCommentsMetadata.REQUESTS.isEmpty());
    }

    @Test
    void aPageLargerThanTheConfiguredLimitIs400NamingIt() {
        given().when().get("/api/v1/comments?size=501")
                .then().statusCode(400).contentType(PROBLEM)
                .body("limit", equalTo("inference.comments.limits.max-page-size"))
                .body("limit_value", equalTo(500));
        assertTrue(FakeCommentsMetadata.REQUESTS.isEmpty());
    }

    @Test
    void badLabelFilterListsTheSevenLabels() {
        given().when().get("/api/v1/comments?predicted_label=happy")
                .then().statusCode(400)
                .body("allowed", equalTo(List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise")));
    }

    @Test
    void metadataValidationErrorsReachTheCallerAs400WithTheirDetail() {
        given().queryParam("user", "u".repeat(151))
                .when().get("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("detail", equalTo("user must be at most 150 characters"));
    }

    @Test
    void metadataDownIs503SayingWhatToStartAndCreateIsNotRetried() {
        FakeCommentsMetadata.DOWN.set(true);
        given().contentType(ContentType.JSON).body(Map.of("username", "alice", "comment", "hi"))
                .when().post("/api/v1/comments")
                .then().statusCode(503).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:metadata-unavailable"))
                .body("detail", containsString("metadata-service is unavailable"))
                .body("detail", not(containsString("127.0.0.1")))
                .body("detail", containsString("Start it"));
        assertEquals(1, FakeCommentsMetadata.requests("POST", "/api/v1/comments").size(),
                "a create that reached metadata-service is never repeated");

        given().when().get("/api/v1/comments/1")
                .then().statusCode(503)
                .body("type", equalTo("urn:ai-data-suite:problem:metadata-unavailable"));
        assertEquals(3, FakeCommentsMetadata.requests("GET", "/api/v1/comments/1").size(),
                "an idempotent read is retried twice");
    }
}
