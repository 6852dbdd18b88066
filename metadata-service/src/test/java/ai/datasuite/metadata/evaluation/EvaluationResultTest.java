package ai.datasuite.metadata.evaluation;

import static ai.datasuite.metadata.evaluation.EvaluationTestData.PROBLEM;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.RUNS;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.annotator;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.createRun;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.ids;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.importTasks;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.result;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.service;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.write;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;

/**
 * The per-task rows: only a service writes them, a rewrite replaces the row, the counts of the run (overall, per
 * level, per file type) follow the rows, the listing filters and pages, and concurrent writes lose nothing.
 */
@QuarkusTest
class EvaluationResultTest {

    private static final String ROW = RUNS + "/{id}/results/{task}";

    @Test
    void onlyAServiceWritesARowAndTheLastWriteWins() {
        String p = TestData.prefix();
        importTasks(p);
        String run = createRun(p);
        Map<String, Object> done = result("done", true, 1840L, 2);
        annotator(p).body(done).put(ROW, run, p + "-t1").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("internal"));
        TestData.viaGateway(p, Roles.ADMIN).contentType("application/json").body(done).put(ROW, run, p + "-t1")
                .then().statusCode(403);

        service().body(done).put(ROW, run, p + "-t1").then().statusCode(200)
                .body("task_id", equalTo(p + "-t1")).body("level", equalTo(1)).body("file_type", equalTo("xlsx"))
                .body("question", equalTo("What were the total food sales?"))
                .body("ground_truth", equalTo("89706.00")).body("status", equalTo("done"))
                .body("prompt", equalTo("Question: ...")).body("raw_answer", equalTo("Thinking. FINAL ANSWER: 42"))
                .body("final_answer", equalTo("42")).body("correct", equalTo(true))
                .body("score_kind", equalTo("number")).body("latency_ms", equalTo(1840))
                .body("input_tokens", equalTo(100)).body("output_tokens", equalTo(10)).body("attempts", equalTo(1))
                .body("error", nullValue()).body("truncated", equalTo(false)).body("notes", nullValue())
                .body("steps_version", equalTo(2)).body("steps_used", equalTo(true))
                .body("updated_at", notNullValue());
        // The same write again is harmless; another write replaces the whole row.
        service().body(done).put(ROW, run, p + "-t1").then().statusCode(200).body("correct", equalTo(true));
        Map<String, Object> error = result("error", null, null, null);
        error.put("attempts", 3);
        error.put("final_answer", null);
        service().body(error).put(ROW, run, p + "-t1").then().statusCode(200)
                .body("status", equalTo("error")).body("correct", nullValue()).body("final_answer", nullValue())
                .body("latency_ms", nullValue()).body("attempts", equalTo(3)).body("steps_version", nullValue())
                .body("steps_used", equalTo(false)).body("error", containsString("did not answer"));
        annotator(p).queryParam("status", "error").get(RUNS + "/{id}/results", run).then()
                .body("items.task_id", contains(p + "-t1")).body("items[0].attempts", equalTo(3));

        service().body(done).put(ROW, run, p + "-t9").then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("Task " + p + "-t9 is not in evaluation " + run));
        assertBadWrite(run, p, Map.of("correct", true), "status");
        assertBadWrite(run, p, Map.of("status", "pending"), "status");
        assertBadWrite(run, p, Map.of("status", "done", "score_kind", "float"), "score_kind");
        assertBadWrite(run, p, Map.of("status", "done", "latency_ms", -1), "latency_ms");
        assertBadWrite(run, p, Map.of("status", "done", "steps_version", 0), "steps_version");
        assertBadWrite(run, p, Map.of("status", "done", "attempts", -1), "attempts");
    }

    private static void assertBadWrite(String run, String p, Map<String, Object> body, String field) {
        service().body(body).put(ROW, run, p + "-t2").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void longTextsAreCutAtTheLimitAndFlagged() {
        String p = TestData.prefix();
        importTasks(p);
        String run = createRun(p);
        Map<String, Object> body = result("done", false, 10L, 1);
        // 200000 is metadata.evaluations.max-text-chars; an emoji is one character (one code point).
        body.put("raw_answer", "😀".repeat(200_005));
        body.put("notes", "n".repeat(200_000));
        ValidatableResponse written = service().body(body).put(ROW, run, p + "-t2").then().statusCode(200)
                .body("truncated", equalTo(true));
        String raw = written.extract().path("raw_answer");
        assertEquals(200_000, raw.codePointCount(0, raw.length()));
        assertEquals(200_000, ((String) written.extract().path("notes")).length());

        Map<String, Object> exact = result("done", true, 10L, 1);
        exact.put("notes", "n".repeat(200_000));
        service().body(exact).put(ROW, run, p + "-t2").then().statusCode(200).body("truncated", equalTo(false));
        exact.put("truncated", true);
        service().body(exact).put(ROW, run, p + "-t2").then().statusCode(200).body("truncated", equalTo(true));
    }

    @Test
    void theRunsCountsFollowItsRowsOverallPerLevelAndPerFileType() {
        String p = TestData.prefix();
        importTasks(p);
        String run = createRun(p);
        write(run, p + "-t1", result("done", true, 100L, 1));
        write(run, p + "-t2", result("done", false, 200L, 1));
        // An error counts as wrong whatever it says about correctness.
        write(run, p + "-t3", result("error", true, 300L, 1));
        write(run, p + "-t4", result("done", true, 400L, 1));

        annotator(p).get(RUNS + "/{id}", run).then().statusCode(200)
                .body("total", equalTo(6)).body("done", equalTo(4)).body("errors", equalTo(1))
                .body("correct", equalTo(2)).body("progress", equalTo(4 / 6f)).body("accuracy", equalTo(0.5f))
                .body("by_level.key", contains("1", "2", "3"))
                .body("by_level.total", contains(2, 2, 2))
                .body("by_level.done", contains(2, 2, 0))
                .body("by_level.errors", contains(0, 1, 0))
                .body("by_level.correct", contains(1, 1, 0))
                .body("by_level.accuracy", contains(equalTo(0.5f), equalTo(0.5f), nullValue()))
                .body("by_file_type.key", contains("gz", "none", "pdf", "xlsx"))
                .body("by_file_type.total", contains(1, 2, 1, 2))
                .body("by_file_type.done", contains(0, 1, 1, 2))
                .body("by_file_type.errors", contains(0, 0, 1, 0))
                .body("by_file_type.correct", contains(0, 0, 0, 2))
                .body("by_file_type.accuracy", contains(nullValue(), equalTo(0.0f), equalTo(0.0f), equalTo(1.0f)));
        // The list answers the same counts.
        annotator(p).queryParam("size", 200).get(RUNS).then()
                .body("items.find { it.id == '" + run + "' }.correct", equalTo(2))
                .body("items.find { it.id == '" + run + "' }.by_file_type.key", contains("gz", "none", "pdf", "xlsx"));
    }

    @Test
    void theRowsFilterAndPageByTaskId() {
        String p = TestData.prefix();
        importTasks(p);
        String run = createRun(p);
        write(run, p + "-t1", result("done", true, 100L, 1));
        write(run, p + "-t2", result("done", false, 200L, 1));
        write(run, p + "-t3", result("error", null, null, 1));
        write(run, p + "-t4", result("done", true, 400L, 1));
        assertRows(run, Map.of(), ids(p, 1, 2, 3, 4, 5, 6), 6);
        assertRows(run, Map.of("status", "pending"), ids(p, 5, 6), 2);
        assertRows(run, Map.of("status", "done"), ids(p, 1, 2, 4), 3);
        assertRows(run, Map.of("status", "error"), ids(p, 3), 1);
        assertRows(run, Map.of("correct", "true"), ids(p, 1, 4), 2);
        assertRows(run, Map.of("correct", "false"), ids(p, 2, 3), 2);
        assertRows(run, Map.of("level", 1), ids(p, 1, 2), 2);
        assertRows(run, Map.of("level", 2, "correct", "false"), ids(p, 3), 1);
        assertRows(run, Map.of("size", 2, "page", 1), ids(p, 3, 4), 6);
        assertRows(run, Map.of("size", 2, "page", 5), List.of(), 6);
        annotator(p).queryParam("status", "finished").get(RUNS + "/{id}/results", run).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("status"));
        annotator(p).queryParam("correct", "maybe").get(RUNS + "/{id}/results", run).then().statusCode(400)
                .body("errors[0].field", equalTo("correct"));
        annotator(p).queryParam("level", 0).get(RUNS + "/{id}/results", run).then().statusCode(400);
        annotator(p).queryParam("size", 501).get(RUNS + "/{id}/results", run).then().statusCode(400);
        annotator(p).queryParam("size", 500).get(RUNS + "/{id}/results", run).then().statusCode(200)
                .body("size", equalTo(500));
    }

    private static void assertRows(String run, Map<String, ?> query, List<String> expected, int total) {
        annotator("reader").queryParams(query).get(RUNS + "/{id}/results", run).then().statusCode(200)
                .body("items.task_id", equalTo(expected)).body("total", equalTo(total));
    }

    @Test
    void concurrentWritesForDifferentTasksLoseNothing() throws Exception {
        String p = TestData.prefix();
        importTasks(p);
        String run = createRun(p);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> writes = new ArrayList<>();
            for (int n = 1; n <= 6; n++) {
                String task = p + "-t" + n;
                boolean right = n % 2 == 0;
                writes.add(() -> service().body(result("done", right, 10L, 1)).put(ROW, run, task).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(writes)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        annotator(p).get(RUNS + "/{id}", run).then().body("done", equalTo(6)).body("correct", equalTo(3))
                .body("progress", equalTo(1.0f));
    }
}
