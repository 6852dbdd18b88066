package ai.datasuite.metadata.evaluation;

import static ai.datasuite.metadata.evaluation.EvaluationTestData.PROBLEM;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.RUNS;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.annotator;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.createRun;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.importTasks;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.result;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.write;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import ai.datasuite.metadata.TestData;

/**
 * Two runs of the same six tasks compared: flips both ways, per level, steps edited between the runs, only tasks
 * finished in both; and the charts (accuracy per level, latency, flips) as JSON and as PNG.
 */
@QuarkusTest
class EvaluationCompareTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private String p;
    private String a;
    private String b;

    /**
     * Run a: t1 right, t2 wrong, t3 error, t4 right, t5 right, t6 wrong. Run b: t1 wrong (right→wrong, steps version
     * unknown in a), t2 right (wrong→right, steps 1→2: edited), t3 right (wrong→right, steps 1→1), t4 right (stayed
     * right), t5 pending (not common), t6 wrong (stayed wrong).
     */
    @BeforeEach
    void twoRuns() {
        p = TestData.prefix();
        importTasks(p);
        a = createRun(p);
        write(a, p + "-t1", result("done", true, 100L, null));
        write(a, p + "-t2", result("done", false, 200L, 1));
        write(a, p + "-t3", result("error", null, null, 1));
        write(a, p + "-t4", result("done", true, 300L, 1));
        write(a, p + "-t5", result("done", true, 1000L, 1));
        write(a, p + "-t6", result("done", false, null, 1));
        b = createRun(p);
        write(b, p + "-t1", result("done", false, 100L, 2));
        write(b, p + "-t2", result("done", true, 100L, 2));
        write(b, p + "-t3", result("done", true, 100L, 1));
        write(b, p + "-t4", result("done", true, 100L, 1));
        write(b, p + "-t6", result("error", null, null, 1));
    }

    @Test
    void theComparisonShowsTheFlipsOfTheTasksFinishedInBoth() {
        annotator(p).queryParam("a", a).queryParam("b", b).get(RUNS + "/compare").then().statusCode(200)
                .body("a.id", equalTo(a)).body("a.model", equalTo("gpt-4o-mini")).body("a.done", equalTo(6))
                .body("a.correct", equalTo(3)).body("a.accuracy", equalTo(0.5f))
                .body("b.id", equalTo(b)).body("b.done", equalTo(5)).body("b.correct", equalTo(3))
                .body("b.accuracy", equalTo(0.6f))
                .body("common_tasks", equalTo(5))
                .body("right_to_wrong.task_id", contains(p + "-t1"))
                .body("right_to_wrong[0].level", equalTo(1)).body("right_to_wrong[0].file_type", equalTo("xlsx"))
                .body("right_to_wrong[0].steps_edited", equalTo(false))
                .body("right_to_wrong[0].steps_version_a", nullValue())
                .body("right_to_wrong[0].steps_version_b", equalTo(2))
                .body("wrong_to_right.task_id", contains(p + "-t2", p + "-t3"))
                .body("wrong_to_right.steps_edited", contains(true, false))
                .body("wrong_to_right.steps_version_a", contains(1, 1))
                .body("wrong_to_right.steps_version_b", contains(2, 1))
                .body("by_level.level", contains(1, 2, 3))
                .body("by_level.right_to_wrong", contains(1, 0, 0))
                .body("by_level.wrong_to_right", contains(1, 1, 0))
                .body("by_level.stayed_right", contains(0, 1, 0))
                .body("by_level.stayed_wrong", contains(0, 0, 1))
                .body("flipped_with_steps_edited", equalTo(1));
        // The other way round, the flips swap.
        annotator(p).queryParam("a", b).queryParam("b", a).get(RUNS + "/compare").then().statusCode(200)
                .body("right_to_wrong.task_id", contains(p + "-t2", p + "-t3"))
                .body("wrong_to_right.task_id", contains(p + "-t1"))
                .body("flipped_with_steps_edited", equalTo(1));
        // A run against itself has no flips.
        annotator(p).queryParam("a", a).queryParam("b", a).get(RUNS + "/compare").then().statusCode(200)
                .body("common_tasks", equalTo(6)).body("right_to_wrong", empty()).body("wrong_to_right", empty());

        annotator(p).queryParam("a", a).get(RUNS + "/compare").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("b"));
        annotator(p).queryParam("a", a).queryParam("b", UUID.randomUUID().toString()).get(RUNS + "/compare").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theAccuracyChartIsJsonByDefaultAndAPngOnRequest() {
        annotator(p).queryParam("runs", a + "," + b).get(RUNS + "/charts/accuracy").then().statusCode(200)
                .contentType("application/json")
                .body("levels", contains(1, 2, 3))
                .body("runs.id", contains(a, b))
                .body("runs[0].accuracy", equalTo(0.5f))
                .body("runs[0].by_level.level", contains(1, 2, 3))
                .body("runs[0].by_level.done", contains(2, 2, 2))
                .body("runs[0].by_level.accuracy", contains(0.5f, 0.5f, 0.5f))
                .body("runs[1].by_level.accuracy", contains(0.5f, 1.0f, 0.0f));
        assertPng(annotator(p).queryParam("runs", a + "," + b).queryParam("format", "png")
                .get(RUNS + "/charts/accuracy"));
        assertPng(annotator(p).accept("image/png").queryParam("runs", a).get(RUNS + "/charts/accuracy"));

        annotator(p).queryParam("runs", a).queryParam("format", "gif").get(RUNS + "/charts/accuracy").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("format"));
        annotator(p).queryParam("runs", " , ").get(RUNS + "/charts/accuracy").then().statusCode(400)
                .body("errors[0].field", equalTo("runs"));
        String eleven = String.join(",", Collections.nCopies(10, a)) + "," + b + ","
                + String.join(",", java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(9)
                .toList());
        annotator(p).queryParam("runs", eleven).get(RUNS + "/charts/accuracy").then().statusCode(400)
                .body("detail", containsString("metadata.evaluations.max-chart-runs"));
        annotator(p).queryParam("runs", a + "," + UUID.randomUUID()).get(RUNS + "/charts/accuracy").then()
                .statusCode(404);
    }

    @Test
    void theLatencyChartBinsTheFinishedRows() {
        // a's latencies: 100, 200, 300, 1000 (t3 errored and t6 recorded none); 3 bins of width 900 / 3 + 1 = 301.
        annotator(p).queryParam("bins", 3).get(RUNS + "/{id}/charts/latency", a).then().statusCode(200)
                .body("id", equalTo(a)).body("count", equalTo(4)).body("min_ms", equalTo(100))
                .body("median_ms", equalTo(200)).body("max_ms", equalTo(1000))
                .body("bins.from_ms", contains(100, 401, 702)).body("bins.to_ms", contains(401, 702, 1003))
                .body("bins.count", contains(3, 0, 1));
        annotator(p).get(RUNS + "/{id}/charts/latency", a).then().body("bins.size()", equalTo(10));
        String empty = createRun(p);
        annotator(p).get(RUNS + "/{id}/charts/latency", empty).then().statusCode(200).body("count", equalTo(0))
                .body("bins", empty()).body("min_ms", nullValue());
        assertPng(annotator(p).queryParam("format", "png").get(RUNS + "/{id}/charts/latency", a));
        assertPng(annotator(p).queryParam("format", "png").get(RUNS + "/{id}/charts/latency", empty));
        annotator(p).queryParam("bins", 0).get(RUNS + "/{id}/charts/latency", a).then().statusCode(400);
    }

    @Test
    void theFlipChartDrawsTheComparisonPerLevel() {
        annotator(p).queryParam("a", a).queryParam("b", b).get(RUNS + "/compare/chart").then().statusCode(200)
                .contentType("application/json")
                .body("a", equalTo(a)).body("b", equalTo(b)).body("common_tasks", equalTo(5))
                .body("by_level.level", contains(1, 2, 3))
                .body("by_level.wrong_to_right", contains(1, 1, 0));
        assertPng(annotator(p).accept("image/png").queryParam("a", a).queryParam("b", b)
                .get(RUNS + "/compare/chart"));
        annotator(p).queryParam("b", b).get(RUNS + "/compare/chart").then().statusCode(400)
                .body("errors[0].field", equalTo("a"));
    }

    private static void assertPng(Response response) {
        response.then().statusCode(200).contentType("image/png");
        byte[] bytes = response.asByteArray();
        assertTrue(bytes.length > 1000, "a drawn chart, not an empty image");
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 8));
    }
}
