package ai.datasuite.metadata.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Statistics over rows with known request times (written through the repository, since the API stamps "now"), in
 * a window of a past year that no other test writes to. The expected numbers are worked out by hand below.
 */
@QuarkusTest
class CommentStatsTest {

    private static final List<String> LABELS =
            List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise");
    private static final double EPS = 1e-9;

    @Inject
    CommentRepository repository;

    /**
     * Year Y, days 03-10 (A) and 03-11 (B), plus one row just before A and one just after B:
     * <pre>
     *  #  request_time (UTC)              status     predicted (score)  true
     *  1  A 00:00:00                      predicted  joy 0.9            joy
     *  2  A 12:00:00                      predicted  sadness 0.6        joy
     *  3  A 23:59:59.999999               predicted  sadness 0.8        sadness
     *  4  B 00:00:00                      predicted  joy 0.5            anger
     *  5  B 10:00:00                      predicted  fear 0.7           -
     *  6  B 11:00:00                      pending    -                  surprise
     *  7  B 12:00:00                      pending    -                  -
     *  8  B 13:00:00                      failed     -                  -
     *  x  A-1 23:59:59.999999, B+1 00:00  predicted  anger 0.1          anger   (outside from=A, to=B)
     * </pre>
     */
    private void seed(int year) {
        String a = year + "-03-10T";
        String b = year + "-03-11T";
        QuarkusTransaction.requiringNew().run(() -> {
            row(a + "00:00:00Z", "predicted", "joy", 0.9, "joy");
            row(a + "12:00:00Z", "predicted", "sadness", 0.6, "joy");
            row(a + "23:59:59.999999Z", "predicted", "sadness", 0.8, "sadness");
            row(b + "00:00:00Z", "predicted", "joy", 0.5, "anger");
            row(b + "10:00:00Z", "predicted", "fear", 0.7, null);
            row(b + "11:00:00Z", "pending", null, null, "surprise");
            row(b + "12:00:00Z", "pending", null, null, null);
            row(b + "13:00:00Z", "failed", null, null, null);
            row(year + "-03-09T23:59:59.999999Z", "predicted", "anger", 0.1, "anger");
            row(year + "-03-12T00:00:00Z", "predicted", "anger", 0.1, "anger");
        });
    }

    private void row(String time, String status, String predicted, Double score, String trueLabel) {
        Comment c = new Comment();
        c.setComments("stats row at " + time);
        c.setRequestUser("stats");
        c.setRequestTime(Instant.parse(time));
        c.setStatus(status);
        c.setPredictionResult(predicted);
        c.setPredictionScore(score);
        c.setModelVersion(predicted == null ? null : "v1");
        c.setPredictedAt(predicted == null ? null : Instant.parse(time));
        c.setTrueLabel(trueLabel);
        c.setLabelledBy(trueLabel == null ? null : "admin");
        c.setLabelledAt(trueLabel == null ? null : Instant.parse(time));
        c.setAttempts("failed".equals(status) ? 3 : 0);
        repository.persist(c);
    }

    @Test
    void statsOverTwoDaysMatchTheHandComputedNumbers() {
        seed(2001);
        ValidatableResponse stats = stats().queryParam("from", "2001-03-10").queryParam("to", "2001-03-11")
                .when().get("/api/v1/comments/stats")
                .then().statusCode(200);
        stats.body("total", equalTo(8))
                .body("predicted", equalTo(5))
                .body("labelled", equalTo(5))
                .body("pending", equalTo(2))
                .body("failed", equalTo(1))
                .body("per_predicted_label", equalTo(counts(Map.of("joy", 2, "sadness", 2, "fear", 1))))
                .body("per_true_label", equalTo(counts(Map.of("joy", 2, "sadness", 1, "anger", 1, "surprise", 1))))
                // (0.9 + 0.6 + 0.8 + 0.5 + 0.7) / 5
                .body("mean_score", closeTo(3.5 / 5, EPS))
                // Rows 1-4 have both labels; 1 and 3 are right.
                .body("evaluated", equalTo(4))
                .body("accuracy", closeTo(2.0 / 4, EPS))
                .body("confusion.labels", equalTo(LABELS))
                .body("volume_per_day.day", equalTo(List.of("2001-03-10", "2001-03-11")))
                .body("volume_per_day.count", equalTo(List.of(3, 5)));

        // Confusion (rows = true, columns = predicted): joy->joy, joy->sadness, sadness->sadness, anger->joy.
        int[][] expected = new int[7][7];
        expected[LABELS.indexOf("joy")][LABELS.indexOf("joy")] = 1;
        expected[LABELS.indexOf("joy")][LABELS.indexOf("sadness")] = 1;
        expected[LABELS.indexOf("sadness")][LABELS.indexOf("sadness")] = 1;
        expected[LABELS.indexOf("anger")][LABELS.indexOf("joy")] = 1;
        List<List<Integer>> matrix = stats.extract().path("confusion.matrix");
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(expected[i][j], matrix.get(i).get(j), "matrix[" + i + "][" + j + "]");
            }
        }
        // anger: tp 0, support 1, predicted as anger 0 -> 0/0 precision is 0.0, recall 0/1.
        label(stats, "anger", 0.0, 0.0, 0.0, 1);
        // joy: tp 1 (row 1), support 2 (rows 1, 2), predicted as joy 2 (rows 1, 4).
        label(stats, "joy", 1.0 / 2, 1.0 / 2, 2 * 0.5 * 0.5 / (0.5 + 0.5), 2);
        // sadness: tp 1 (row 3), support 1, predicted as sadness 2 (rows 2, 3).
        label(stats, "sadness", 1.0 / 2, 1.0 / 1, 2 * 0.5 * 1.0 / (0.5 + 1.0), 1);
        for (String absent : List.of("disgust", "fear", "neutral", "surprise")) {
            // fear was predicted once, but on an unlabelled row: not evaluated.
            label(stats, absent, 0.0, 0.0, 0.0, 0);
        }
        // Macro average over the labels present among evaluated rows: anger, joy, sadness.
        stats.body("macro_f1", closeTo((0.0 + 0.5 + 2.0 / 3) / 3, EPS));
    }

    @Test
    void instantBoundsAreInclusiveAndDaysAreUtc() {
        seed(2002);
        // Rows 2, 3 (A) and 4 (B, exactly at the upper bound).
        stats().queryParam("from", "2002-03-10T12:00:00Z").queryParam("to", "2002-03-11T00:00:00Z")
                .when().get("/api/v1/comments/stats")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("volume_per_day.day", equalTo(List.of("2002-03-10", "2002-03-11")))
                .body("volume_per_day.count", equalTo(List.of(2, 1)))
                .body("evaluated", equalTo(3))
                .body("accuracy", closeTo(1.0 / 3, EPS));
        // The same instants written with an offset: 2002-03-10T14:00+02:00 is 12:00Z.
        stats().queryParam("from", "2002-03-10T14:00:00+02:00").queryParam("to", "2002-03-11T00:00:00Z")
                .when().get("/api/v1/comments/stats")
                .then().body("total", equalTo(3));
        // Whole days: only A, then A-1 alone (its last microsecond).
        stats().queryParam("from", "2002-03-10").queryParam("to", "2002-03-10")
                .when().get("/api/v1/comments/stats")
                .then().body("total", equalTo(3)).body("volume_per_day.count", equalTo(List.of(3)));
        stats().queryParam("from", "2002-03-09").queryParam("to", "2002-03-09")
                .when().get("/api/v1/comments/stats")
                .then().body("total", equalTo(1)).body("volume_per_day.day", equalTo(List.of("2002-03-09")));
    }

    @Test
    void anEmptyWindowStillHasEveryKey() {
        ValidatableResponse stats = stats().queryParam("from", "1990-01-01").queryParam("to", "1990-12-31")
                .when().get("/api/v1/comments/stats")
                .then().statusCode(200)
                .body("total", equalTo(0)).body("predicted", equalTo(0)).body("labelled", equalTo(0))
                .body("pending", equalTo(0)).body("failed", equalTo(0)).body("evaluated", equalTo(0))
                .body("per_predicted_label", equalTo(counts(Map.of())))
                .body("per_true_label", equalTo(counts(Map.of())))
                .body("mean_score", nullValue())
                .body("accuracy", nullValue())
                .body("macro_f1", nullValue())
                .body("volume_per_day", empty())
                .body("confusion.labels", equalTo(LABELS));
        for (String label : LABELS) {
            label(stats, label, 0.0, 0.0, 0.0, 0);
        }
        List<List<Integer>> matrix = stats.extract().path("confusion.matrix");
        assertEquals(7, matrix.size());
        matrix.forEach(row -> assertEquals(List.of(0, 0, 0, 0, 0, 0, 0), row));
        String body = stats.extract().asString();
        for (String key : List.of("\"mean_score\":null", "\"accuracy\":null", "\"macro_f1\":null")) {
            assertEquals(true, body.contains(key), key + " in " + body);
        }
    }

    @Test
    void withoutBoundsEverythingCounts() {
        seed(2003);
        int total = stats().when().get("/api/v1/comments/stats").then().statusCode(200).extract().path("total");
        int inWindow = stats().queryParam("from", "2003-01-01").queryParam("to", "2003-12-31")
                .when().get("/api/v1/comments/stats").then().extract().path("total");
        assertEquals(10, inWindow);
        assertEquals(true, total >= inWindow, total + " >= " + inWindow);
    }

    @Test
    void badBoundsAre400() {
        stats().queryParam("from", "last week").when().get("/api/v1/comments/stats")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("errors[0].field", equalTo("from"));
        stats().queryParam("to", "2026-02-30").when().get("/api/v1/comments/stats")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        stats().queryParam("from", "2026-11-26T00:00:01Z").queryParam("to", "2026-11-26T00:00:00Z")
                .when().get("/api/v1/comments/stats")
                .then().statusCode(400).body("detail", equalTo("from must not be after to"));
    }

    /** Decimals as doubles (RestAssured's default is float), so 2/3 can be compared to 1e-9. */
    private static RequestSpecification stats() {
        return given().config(RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    private static Map<String, Integer> counts(Map<String, Integer> nonZero) {
        Map<String, Integer> all = new java.util.LinkedHashMap<>();
        LABELS.forEach(label -> all.put(label, nonZero.getOrDefault(label, 0)));
        return all;
    }

    private static void label(ValidatableResponse stats, String label, double precision, double recall, double f1,
                              int support) {
        stats.body("per_label." + label + ".precision", closeTo(precision, EPS))
                .body("per_label." + label + ".recall", closeTo(recall, EPS))
                .body("per_label." + label + ".f1", closeTo(f1, EPS))
                .body("per_label." + label + ".support", equalTo(support));
    }
}
