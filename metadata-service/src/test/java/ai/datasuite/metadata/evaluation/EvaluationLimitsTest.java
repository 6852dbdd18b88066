package ai.datasuite.metadata.evaluation;

import static ai.datasuite.metadata.evaluation.EvaluationTestData.PROBLEM;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.RUNS;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.annotator;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.body;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.filter;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.ids;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.importTasks;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.service;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import ai.datasuite.metadata.TestData;

/** The configured limits of runs, lowered so that they are reached: max-tasks, max-text-chars, max-chart-runs. */
@QuarkusTest
@TestProfile(EvaluationLimitsTest.Low.class)
class EvaluationLimitsTest {

    public static class Low implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("metadata.evaluations.max-tasks", "3", "metadata.evaluations.max-text-chars", "10",
                    "metadata.evaluations.max-chart-runs", "2");
        }
    }

    @Test
    void aSelectionAboveMaxTasksIs413NamingTheKey() {
        String p = TestData.prefix();
        importTasks(p);
        // Counted in the database: at least this test's four tasks of levels 1 and 2 match, the limit is three.
        annotator(p).body(body(filter(null, List.of(1, 2), null))).post(RUNS).then().statusCode(413)
                .contentType(PROBLEM).body("detail", startsWith("The filter matches "))
                .body("detail", endsWith(" tasks; a run takes at most 3 (metadata.evaluations.max-tasks)"));
        // More ids than the limit is refused before any query.
        annotator(p).body(body(filter(ids(p, 1, 2, 3, 9), null, null))).post(RUNS).then().statusCode(413)
                .body("detail", equalTo("task_ids names 4 tasks; a run takes at most 3"
                        + " (metadata.evaluations.max-tasks)"));
        annotator(p).body(body(filter(ids(p, 1, 2, 4), List.of(1, 2), null))).post(RUNS).then()
                .statusCode(201).body("total", equalTo(3));
    }

    @Test
    void textsAreCutAtMaxTextCharsCountingCodePoints() {
        String p = TestData.prefix();
        importTasks(p);
        String run = annotator(p).body(body(filter(ids(p, 1), null, null))).post(RUNS).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> body = new HashMap<>(Map.of("status", "error", "prompt", "😀".repeat(12),
                "error", "0123456789"));
        service().body(body).put(RUNS + "/{id}/results/{task}", run, p + "-t1").then().statusCode(200)
                .body("prompt", equalTo("😀".repeat(10))).body("error", equalTo("0123456789"))
                .body("truncated", equalTo(true));
        body.put("prompt", "short");
        service().body(body).put(RUNS + "/{id}/results/{task}", run, p + "-t1").then().statusCode(200)
                .body("truncated", equalTo(false));
        service().body(Map.of("status", "failed", "error", "x".repeat(25))).patch(RUNS + "/{id}", run).then()
                .statusCode(200).body("error", equalTo("x".repeat(10)));
    }

    @Test
    void theAccuracyChartComparesAtMostMaxChartRuns() {
        String p = TestData.prefix();
        importTasks(p);
        String a = annotator(p).body(body(filter(ids(p, 1), null, null))).post(RUNS).then().extract().path("id");
        String b = annotator(p).body(body(filter(ids(p, 2), null, null))).post(RUNS).then().extract().path("id");
        String c = annotator(p).body(body(filter(ids(p, 3), null, null))).post(RUNS).then().extract().path("id");
        annotator(p).queryParam("runs", a + "," + b).get(RUNS + "/charts/accuracy").then().statusCode(200);
        annotator(p).queryParam("runs", a + "," + b + "," + a).get(RUNS + "/charts/accuracy").then().statusCode(200);
        annotator(p).queryParam("runs", a + "," + b + "," + c).get(RUNS + "/charts/accuracy").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("runs"))
                .body("detail", equalTo("runs must name at most 2 runs (metadata.evaluations.max-chart-runs)"));
    }
}
