package ai.datasuite.metadata.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.DefaultTestIdentity;
import ai.datasuite.testsupport.identity.TestIdentity;

@QuarkusTest
class CommentResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION = "urn:ai-data-suite:problem:validation";

    static long post(String user, String text) {
        return ((Number) given().contentType(ContentType.JSON).body(Map.of("username", user, "comment", text))
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .extract().path("num")).longValue();
    }

    @Test
    void createStoresTheTextExactlyAndAnswers201WithLocation() {
        String user = TestData.prefix();
        String text = "  Tabs\tand\nnewlines stay, as do emoji \uD83D\uDE00 and trailing spaces  ";
        io.restassured.response.Response created = given().contentType(ContentType.JSON)
                .body(Map.of("username", user, "comment", text))
                .when().post("/api/v1/comments");
        created.then().statusCode(201)
                .body("comments", equalTo(text))
                .body("request_user", equalTo(user))
                .body("status", equalTo("pending"))
                .body("prediction_result", nullValue())
                .body("attempts", equalTo(0))
                .body("request_time", notNullValue());
        Number num = created.path("num");
        assertTrue(created.header("Location").endsWith("/api/v1/comments/" + num), created.header("Location"));

        given().when().get("/api/v1/comments/{num}", num)
                .then().statusCode(200)
                .body("comments", equalTo(text))
                .body("request_user", equalTo(user))
                .body("true_label", nullValue());
    }

    @Test
    void createWithAPredictionStoresItAsPredicted() {
        String user = TestData.prefix();
        Map<String, Object> body = Map.of("username", user, "comment", "What a lovely day",
                "prediction", Map.of("label", "joy", "score", 0.93, "model_version", "emotion-v1"));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .body("status", equalTo("predicted"))
                .body("prediction_result", equalTo("joy"))
                .body("prediction_score", equalTo(0.93f))
                .body("model_version", equalTo("emotion-v1"))
                .body("predicted_at", notNullValue());
    }

    @Test
    void limitsAreCountedInCharactersNotUtf16Units() {
        String user = TestData.prefix();
        String emoji = "\uD83D\uDE00".repeat(5000);
        given().contentType(ContentType.JSON).body(Map.of("username", user, "comment", emoji))
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .body("comments", equalTo(emoji));
        given().contentType(ContentType.JSON).body(Map.of("username", user, "comment", "a".repeat(5000)))
                .when().post("/api/v1/comments")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("username", "u".repeat(150), "comment", "ok"))
                .when().post("/api/v1/comments")
                .then().statusCode(201);
    }

    @Test
    void invalidCreateBodiesAre400ProblemsNamingTheField() {
        String user = TestData.prefix();
        assertInvalid(Map.of("username", user, "comment", "   \n "), "comment", "must not be blank");
        assertInvalid(Map.of("username", user, "comment", ""), "comment", "must not be blank");
        assertInvalid(Map.of("username", user), "comment", "must not be blank");
        assertInvalid(Map.of("username", user, "comment", "a".repeat(5001)), "comment",
                "must be at most 5000 characters");
        assertInvalid(Map.of("username", user, "comment", "lone \uD800 surrogate"), "comment",
                "must be valid Unicode text (it contains an unpaired surrogate)");
        assertInvalid(Map.of("username", "u".repeat(151), "comment", "hi"), "username",
                "must be at most 150 characters");
        assertInvalid(Map.of("username", "eve\nadmin", "comment", "hi"), "username",
                "must not contain control characters");
        assertInvalid(Map.of("username", user, "comment", "hi",
                "prediction", Map.of("label", "happy", "score", 0.5, "model_version", "v1")),
                "prediction.label", "must be one of anger, disgust, fear, joy, neutral, sadness, surprise");
        assertInvalid(Map.of("username", user, "comment", "hi",
                "prediction", Map.of("label", "Joy", "score", 0.5, "model_version", "v1")),
                "prediction.label", "must be one of anger, disgust, fear, joy, neutral, sadness, surprise");
        assertInvalid(Map.of("username", user, "comment", "hi",
                "prediction", Map.of("label", "joy", "score", 1.5, "model_version", "v1")),
                "prediction.score", "must be less than or equal to 1.0");
        assertInvalid(Map.of("username", user, "comment", "hi",
                "prediction", Map.of("label", "joy", "score", 0.5)),
                "prediction.model_version", "must not be blank");
    }

    @Test
    void usernameLeftOutIsTheCaller() {
        // Was a 400 before identities: the author now comes from the verified caller (the default test admin).
        given().contentType(ContentType.JSON).body(Map.of("comment", "hi"))
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .body("request_user", equalTo(DefaultTestIdentity.ADMIN));
    }

    @Test
    void malformedOrWronglyTypedJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"username\": \"a\", \"comment\": ")
                .when().post("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("detail", containsString("Malformed JSON"));
        given().contentType(ContentType.JSON).body("{\"username\": \"a\", \"comment\": {\"text\": \"hi\"}}")
                .when().post("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("Wrong type at 'comment': expected a string"));
        given().contentType(ContentType.JSON)
                .body("{\"username\": \"a\", \"comment\": \"hi\", \"prediction\": {\"label\": \"joy\","
                        + " \"score\": \"high\", \"model_version\": \"v1\"}}")
                .when().post("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("prediction.score"));
        given().contentType(ContentType.JSON).body("")
                .when().post("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unknownOrMalformedNumIs404Or400() {
        given().when().get("/api/v1/comments/{num}", Long.MAX_VALUE)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"))
                .body("detail", equalTo("No comment " + Long.MAX_VALUE));
        given().when().get("/api/v1/comments/abc")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(Map.of("true_label", "joy"))
                .when().put("/api/v1/comments/{num}/label", Long.MAX_VALUE)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void labellingSetsTrueLabelFeedbackAndTimeAndCanBeReplaced() {
        String user = TestData.prefix();
        long num = post(user, "I am so angry right now");
        Instant before = Instant.now().minusSeconds(1);
        String labelledAt = given().contentType(ContentType.JSON)
                .body(Map.of("true_label", "anger", "feedback", "clearly angry",
                        "labelled_by", DefaultTestIdentity.ADMIN))
                .when().put("/api/v1/comments/{num}/label", num)
                .then().statusCode(200)
                .body("true_label", equalTo("anger"))
                .body("feedback", equalTo("clearly angry"))
                .body("labelled_by", equalTo(DefaultTestIdentity.ADMIN))
                .body("comments", equalTo("I am so angry right now"))
                .extract().path("labelled_at");
        assertTrue(Instant.parse(labelledAt).isAfter(before), labelledAt);

        // labelled_by is the caller now (was a body field): another annotator relabels without naming themself.
        Map<String, Object> relabel = new HashMap<>();
        relabel.put("true_label", "disgust");
        TestIdentity.as("annotator2", Roles.ANNOTATOR).contentType(ContentType.JSON).body(relabel)
                .when().put("/api/v1/comments/{num}/label", num)
                .then().statusCode(200)
                .body("true_label", equalTo("disgust"))
                .body("feedback", nullValue())
                .body("labelled_by", equalTo("annotator2"));
        given().when().get("/api/v1/comments/{num}", num)
                .then().statusCode(200).body("true_label", equalTo("disgust"));
    }

    @Test
    void invalidLabelBodiesAre400() {
        long num = post(TestData.prefix(), "meh");
        assertInvalidLabel(num, Map.of("true_label", "happy"), "true_label",
                "must be one of anger, disgust, fear, joy, neutral, sadness, surprise");
        assertInvalidLabel(num, Map.of("labelled_by", DefaultTestIdentity.ADMIN), "true_label", "must not be null");
        // labelled_by is optional now (the caller); a given one is still checked as text.
        assertInvalidLabel(num, Map.of("true_label", "joy", "labelled_by", "u".repeat(151)), "labelled_by",
                "must be at most 150 characters");
        assertInvalidLabel(num, Map.of("true_label", "joy", "feedback", "f".repeat(2001)),
                "feedback", "must be at most 2000 characters");
        given().contentType(ContentType.JSON).body("{\"true_label\": [\"joy\"]}")
                .when().put("/api/v1/comments/{num}/label", num)
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("Wrong type at 'true_label': expected a string"));
        given().when().get("/api/v1/comments/{num}", num)
                .then().statusCode(200).body("true_label", nullValue());
    }

    @Test
    void listFiltersByUserLabelsStatusAndDatesNewestFirst() {
        String user = TestData.prefix();
        long plain = post(user, "plain");
        long labelled = post(user, "labelled");
        Number predicted = given().contentType(ContentType.JSON).body(Map.of("username", user, "comment", "pred",
                        "prediction", Map.of("label", "fear", "score", 0.4, "model_version", "v1")))
                .when().post("/api/v1/comments").then().statusCode(201).extract().path("num");
        given().contentType(ContentType.JSON).body(Map.of("true_label", "joy"))
                .when().put("/api/v1/comments/{num}/label", labelled).then().statusCode(200);
        post(TestData.prefix(), "someone else's");

        given().queryParam("user", user).when().get("/api/v1/comments")
                .then().statusCode(200)
                .body("items.num", contains(predicted.intValue(), (int) labelled, (int) plain))
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(50));
        given().queryParam("user", user).queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/comments")
                .then().statusCode(200)
                .body("items.num", contains((int) plain)).body("total", equalTo(3));
        given().queryParam("user", user).queryParam("labelled", "true").when().get("/api/v1/comments")
                .then().body("items.num", contains((int) labelled));
        given().queryParam("user", user).queryParam("labelled", "false").when().get("/api/v1/comments")
                .then().body("items.num", contains(predicted.intValue(), (int) plain));
        given().queryParam("user", user).queryParam("true_label", "joy").when().get("/api/v1/comments")
                .then().body("items.num", contains((int) labelled));
        given().queryParam("user", user).queryParam("predicted_label", "fear").when().get("/api/v1/comments")
                .then().body("items.num", contains(predicted.intValue()));
        given().queryParam("user", user).queryParam("status", "predicted").when().get("/api/v1/comments")
                .then().body("items.num", contains(predicted.intValue()));
        given().queryParam("user", user).queryParam("status", "pending").when().get("/api/v1/comments")
                .then().body("items.num", contains((int) labelled, (int) plain));
        given().queryParam("user", user).queryParam("status", "failed").when().get("/api/v1/comments")
                .then().body("items", empty()).body("total", equalTo(0));

        // A date means the whole UTC day: today as from and as to includes the rows just made.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        given().queryParam("user", user).queryParam("from", today.toString()).queryParam("to", today.toString())
                .when().get("/api/v1/comments")
                .then().body("total", equalTo(3));
        given().queryParam("user", user).queryParam("to", today.minusDays(1).toString())
                .when().get("/api/v1/comments")
                .then().body("total", equalTo(0));
        given().queryParam("user", user).queryParam("from", today.plusDays(1).toString())
                .when().get("/api/v1/comments")
                .then().body("total", equalTo(0));
        String plainTime = given().when().get("/api/v1/comments/{num}", plain).then().extract().path("request_time");
        given().queryParam("user", user).queryParam("to", plainTime).when().get("/api/v1/comments")
                .then().body("items.num", hasItem((int) plain));
        given().queryParam("user", user).queryParam("from", Instant.parse(plainTime).plusNanos(1000).toString())
                .when().get("/api/v1/comments")
                .then().body("items.num", org.hamcrest.Matchers.not(hasItem((int) plain)));
        given().queryParam("user", user).queryParam("from", today + "T00:00:00+02:00")
                .when().get("/api/v1/comments")
                .then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void invalidListParametersAre400() {
        assertBadQuery("predicted_label", "happy", "predicted_label");
        assertBadQuery("true_label", "JOY", "true_label");
        assertBadQuery("status", "done", "status");
        assertBadQuery("labelled", "yes", "labelled");
        assertBadQuery("from", "yesterday", "from");
        assertBadQuery("to", "2026-13-01", "to");
        assertBadQuery("from", "2026-11-26T10:00:00", "from");
        assertBadQuery("page", "-1", "page");
        assertBadQuery("size", "0", "size");
        assertBadQuery("size", "501", "size");
        given().queryParam("size", "ten").when().get("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo(VALIDATION));
        given().queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).when().get("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("page"));
        given().queryParam("from", "2026-11-27").queryParam("to", "2026-11-26").when().get("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("from"))
                .body("detail", equalTo("from must not be after to"));
        given().queryParam("size", 500).when().get("/api/v1/comments").then().statusCode(200);
    }

    @Test
    void openApiDescribesTheCommentEndpointsWithExamples() {
        String doc = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        for (String path : List.of("/api/v1/comments", "/api/v1/comments/{num}", "/api/v1/comments/{num}/label",
                "/api/v1/comments/claims", "/api/v1/comments/results", "/api/v1/comments/stats")) {
            assertTrue(doc.contains("\"" + path + "\""), path);
        }
        assertTrue(doc.contains("denominator is 0 is 0.0"), "stats says how 0/0 is reported");
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().body("paths.'/api/v1/comments/claims'.post.responses.'200'.content.'application/json'"
                        + ".examples.claimed.value.claimed", hasSize(2));
    }

    private static void assertInvalid(Map<String, Object> body, String field, String message) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", equalTo(message));
    }

    private static void assertInvalidLabel(long num, Map<String, Object> body, String field, String message) {
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/comments/{num}/label", num)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors.find { it.field == '" + field + "' }.message", equalTo(message));
    }

    private static void assertBadQuery(String name, String value, String field) {
        given().queryParam(name, value).when().get("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem(field));
    }
}
