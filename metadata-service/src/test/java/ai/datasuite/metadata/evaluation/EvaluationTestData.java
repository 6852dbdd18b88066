package ai.datasuite.metadata.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * Tasks and runs of the evaluation tests. Six tasks per prefix: t1 (level 1, xlsx), t2 (1, no file), t3 (2, PDF),
 * t4 (2, xlsx), t5 (3, no file), t6 (3, tar.GZ), imported through the task import as an annotator would.
 */
final class EvaluationTestData {

    static final String PROBLEM = "application/problem+json";
    static final String RUNS = "/api/v1/evaluations";

    private EvaluationTestData() {
    }

    static void importTasks(String p) {
        String rows = String.join("\n",
                row(p + "-t1", 1, "What were the total food sales?", "89706.00", p + "-sales.xlsx"),
                row(p + "-t2", 1, "Which bird is it?", "Heron", ""),
                row(p + "-t3", 2, "When did revenue first exceed 1M?", "2019", "reports/" + p + "-report.PDF"),
                row(p + "-t4", 2, "How many rows are there?", "42", p + "-data.xlsx"),
                row(p + "-t5", 3, "Name the three colours.", "red, green, blue", null),
                row(p + "-t6", 3, "How many files are archived?", "7", p + "-archive.tar.GZ"));
        TestData.viaGateway(p + "-importer", Roles.ANNOTATOR).contentType(TestData.JSONL)
                .body(TestData.utf8(rows)).post("/api/v1/tasks/import").then().statusCode(200);
    }

    private static String row(String id, int level, String question, String answer, String file) {
        return "{\"task_id\": \"" + id + "\", \"Question\": \"" + question + "\", \"Level\": " + level
                + ", \"Final answer\": \"" + answer + "\", \"file_name\": " + (file == null ? "null" : "\"" + file + "\"")
                + "}";
    }

    static List<String> ids(String p, int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(n -> p + "-t" + n).toList();
    }

    static RequestSpecification annotator(String user) {
        return TestData.viaGateway(user, Roles.ANNOTATOR).contentType(ContentType.JSON);
    }

    static RequestSpecification user(String user) {
        return TestData.viaGateway(user, Roles.USER).contentType(ContentType.JSON);
    }

    static RequestSpecification service() {
        return TestIdentity.as("chat-gateway", Roles.SERVICE).contentType(ContentType.JSON);
    }

    static Map<String, Object> body(Map<String, Object> filter) {
        Map<String, Object> body = new HashMap<>();
        body.put("model", "gpt-4o-mini");
        body.put("concurrency", 2);
        body.put("filter", filter);
        return body;
    }

    static Map<String, Object> filter(List<String> taskIds, List<Integer> levels, Boolean hasFile) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("task_ids", taskIds);
        filter.put("levels", levels);
        filter.put("has_file", hasFile);
        return filter;
    }

    /** A run of the prefix's six tasks, as an annotator; returns its id. */
    static String createRun(String p) {
        return annotator(p + "-alice").body(body(filter(ids(p, 1, 2, 3, 4, 5, 6), null, null))).post(RUNS).then()
                .statusCode(201).extract().path("id");
    }

    /** A finished row as the runner writes it. */
    static Map<String, Object> result(String status, Boolean correct, Long latencyMs, Integer stepsVersion) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("prompt", "Question: ...");
        body.put("raw_answer", "Thinking. FINAL ANSWER: 42");
        body.put("final_answer", "42");
        body.put("correct", correct);
        body.put("score_kind", "number");
        body.put("latency_ms", latencyMs);
        body.put("input_tokens", 100);
        body.put("output_tokens", 10);
        body.put("attempts", 1);
        body.put("error", "error".equals(status) ? "The model did not answer after 3 attempts" : null);
        body.put("steps_version", stepsVersion);
        body.put("steps_used", stepsVersion != null);
        return body;
    }

    static void write(String run, String taskId, Map<String, Object> body) {
        service().body(body).put(RUNS + "/{id}/results/{task}", run, taskId).then().statusCode(200);
    }

    static void patch(String run, String status) {
        service().body(Map.of("status", status)).patch(RUNS + "/{id}", run).then()
                .statusCode(200);
    }
}
