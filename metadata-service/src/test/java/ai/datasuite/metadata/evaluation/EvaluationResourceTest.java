package ai.datasuite.metadata.evaluation;

import static ai.datasuite.metadata.evaluation.EvaluationTestData.PROBLEM;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.RUNS;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.annotator;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.body;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.createRun;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.filter;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.ids;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.importTasks;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.patch;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.service;
import static ai.datasuite.metadata.evaluation.EvaluationTestData.user;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;

/**
 * Evaluation runs: creation with each task filter, bad input, the roles (annotators and admins; the runner's PATCH
 * only for services), unknown runs, the state machine and the listing.
 */
@QuarkusTest
class EvaluationResourceTest {

    private static List<String> taskIdsOf(String run) {
        return annotator("reader").queryParam("size", 500).get(RUNS + "/{id}/results", run).then().statusCode(200)
                .extract().jsonPath().getList("items.task_id", String.class);
    }

    @Test
    void aRunTakesTheNamedTasksAndStartsQueuedWithOnePendingRowEach() {
        String p = TestData.prefix();
        importTasks(p);
        Map<String, Object> body = body(filter(List.of(p + "-t3", p + "-t1", p + "-unknown", p + "-t1"), null, null));
        body.put("prompt_template", "Answer: {question}");
        body.put("use_steps", true);
        body.put("vision", false);
        Response created = annotator(p + "-alice").body(body).post(RUNS);
        created.then().statusCode(201).contentType("application/json")
                .body("owner", equalTo(p + "-alice")).body("owner_role", equalTo("annotator"))
                .body("vision", equalTo(false)).body("model", equalTo("gpt-4o-mini"))
                .body("prompt_template", equalTo("Answer: {question}")).body("use_steps", equalTo(true))
                .body("concurrency", equalTo(2)).body("status", equalTo("queued"))
                .body("filter.task_ids", contains(p + "-t3", p + "-t1", p + "-unknown", p + "-t1"))
                .body("filter.levels", nullValue()).body("filter.has_file", nullValue())
                .body("total", equalTo(2)).body("done", equalTo(0)).body("errors", equalTo(0))
                .body("correct", equalTo(0)).body("progress", equalTo(0.0f)).body("accuracy", nullValue())
                .body("by_level.key", contains("1", "2")).body("by_level.total", contains(1, 1))
                .body("by_level.accuracy", contains(nullValue(), nullValue()))
                .body("by_file_type.key", contains("pdf", "xlsx"))
                .body("error", nullValue()).body("created_at", notNullValue()).body("started_at", nullValue())
                .body("finished_at", nullValue());
        String id = created.path("id");
        created.then().header("Location", endsWith(RUNS + "/" + id));

        JsonPath rows = annotator(p + "-bob").get(RUNS + "/{id}/results", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(p + "-t1", p + "-t3"), rows.getList("items.task_id"));
        assertEquals(List.of("pending", "pending"), rows.getList("items.status"));
        assertEquals(List.of("xlsx", "pdf"), rows.getList("items.file_type"));
        assertEquals(List.of(1, 2), rows.getList("items.level"));
        assertEquals("What were the total food sales?", rows.getString("items[0].question"));
        assertEquals("2019", rows.getString("items[1].ground_truth"));
        // Another annotator and an admin see the run too; defaults apply when left out.
        annotator(p + "-bob").get(RUNS + "/{id}", id).then().statusCode(200).body("id", equalTo(id));
        Map<String, Object> minimal = new HashMap<>(Map.of("model", " m ", "filter",
                filter(List.of(p + "-t2"), null, null)));
        TestData.viaGateway(p + "-root", Roles.ADMIN).contentType("application/json").body(minimal).post(RUNS).then()
                .statusCode(201).body("model", equalTo("m")).body("concurrency", equalTo(1))
                .body("use_steps", equalTo(false)).body("owner", equalTo(p + "-root"))
                .body("owner_role", equalTo("admin")).body("vision", nullValue())
                .body("by_file_type.key", contains("none"));
    }

    @Test
    void filtersAreAndedAndNullTakesAny() {
        String p = TestData.prefix();
        importTasks(p);
        List<String> all = ids(p, 1, 2, 3, 4, 5, 6);
        assertEquals(ids(p, 3, 4), taskIdsOf(create(p, filter(all, List.of(2), null))));
        assertEquals(ids(p, 1, 3, 4, 6), taskIdsOf(create(p, filter(all, null, true))));
        assertEquals(ids(p, 2, 5), taskIdsOf(create(p, filter(all, null, false))));
        assertEquals(ids(p, 2, 5), taskIdsOf(create(p, filter(all, List.of(1, 3), false))));
        assertEquals(ids(p, 6), taskIdsOf(create(p, filter(all, List.of(3, 3), true))));
        // Levels alone and has_file alone range over every task (other tests' too): check what they must hold.
        String level3 = create(p, filter(null, List.of(3), null));
        annotator(p).get(RUNS + "/{id}", level3).then().body("by_level.key", contains("3"));
        assertTrue(taskIdsOf(level3).containsAll(ids(p, 5, 6)));
        String noFile = create(p, filter(null, null, false));
        annotator(p).get(RUNS + "/{id}", noFile).then().body("by_file_type.key", contains("none"));
        assertTrue(taskIdsOf(noFile).containsAll(ids(p, 2, 5)));
        assertTrue(taskIdsOf(create(p, null)).containsAll(all), "no filter takes every task");
    }

    private static String create(String p, Map<String, Object> filter) {
        return annotator(p + "-alice").body(body(filter)).post(RUNS).then().statusCode(201).extract().path("id");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String p = TestData.prefix();
        importTasks(p);
        Map<String, Object> filter = filter(ids(p, 1), null, null);
        annotator(p).body(body(filter(List.of(p + "-nothing"), null, null))).post(RUNS).then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("matches no task"))
                .body("errors[0].field", equalTo("filter"));
        annotator(p).body(body(filter(ids(p, 1, 2), List.of(2), null))).post(RUNS).then().statusCode(400)
                .body("errors[0].field", equalTo("filter"));
        annotator(p).body(body(filter(List.of(), null, null))).post(RUNS).then().statusCode(400);
        assertInvalid(p, without(body(filter), "model"), "model");
        assertInvalid(p, with(body(filter), "model", "  "), "model");
        assertInvalid(p, with(body(filter), "model", "m".repeat(201)), "model");
        assertInvalid(p, with(body(filter), "concurrency", 0), "concurrency");
        assertInvalid(p, with(body(filter), "prompt_template", "x".repeat(20_001)), "prompt_template");
        assertInvalid(p, body(filter(ids(p, 1), List.of(0), null)), "filter.levels[0]");
        assertInvalid(p, body(filter(List.of(" "), null, null)), "filter.task_ids[0]");
        annotator(p).body("{}").post(RUNS).then().statusCode(400).contentType(PROBLEM);
        annotator(p).body("not json").post(RUNS).then().statusCode(400).contentType(PROBLEM);
    }

    private static void assertInvalid(String p, Map<String, Object> body, String field) {
        annotator(p).body(body).post(RUNS).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems(field));
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        body.remove(key);
        return body;
    }

    @Test
    void usersMayNotTouchRunsAndUnknownRunsAre404() {
        String p = TestData.prefix();
        importTasks(p);
        String run = createRun(p);
        String u = p + "-user";
        user(u).body(body(filter(ids(p, 1), null, null))).post(RUNS).then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("annotator or admin"));
        user(u).get(RUNS).then().statusCode(403);
        user(u).get(RUNS + "/{id}", run).then().statusCode(403);
        user(u).get(RUNS + "/{id}/results", run).then().statusCode(403);
        user(u).post(RUNS + "/{id}/cancel", run).then().statusCode(403);
        user(u).queryParam("a", run).queryParam("b", run).get(RUNS + "/compare").then().statusCode(403);
        user(u).queryParam("runs", run).get(RUNS + "/charts/accuracy").then().statusCode(403);
        user(u).get(RUNS + "/{id}/charts/latency", run).then().statusCode(403);

        String unknown = UUID.randomUUID().toString();
        annotator(p).get(RUNS + "/{id}", unknown).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No evaluation " + unknown));
        annotator(p).post(RUNS + "/{id}/cancel", unknown).then().statusCode(404);
        annotator(p).get(RUNS + "/{id}/results", unknown).then().statusCode(404);
        annotator(p).get(RUNS + "/{id}/charts/latency", unknown).then().statusCode(404);
        service().body(Map.of("status", "running")).patch(RUNS + "/{id}", unknown).then().statusCode(404);
        service().body(Map.of("status", "done")).put(RUNS + "/{id}/results/{t}", unknown, p + "-t1").then()
                .statusCode(404);
    }

    @Test
    void theRunnerDrivesTheStateMachineAndPeopleMayOnlyCancel() {
        String p = TestData.prefix();
        importTasks(p);
        String run = createRun(p);
        // PATCH is the runner's (a service): a person, even an admin, is refused.
        annotator(p).body(Map.of("status", "running")).patch(RUNS + "/{id}", run).then().statusCode(403)
                .contentType(PROBLEM).body("detail", containsString("internal"));
        TestData.viaGateway(p, Roles.ADMIN).contentType("application/json").body(Map.of("status", "running"))
                .patch(RUNS + "/{id}", run).then().statusCode(403);
        service().body(Map.of("status", "cancelled")).patch(RUNS + "/{id}", run).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("status"));
        service().body(Map.of()).patch(RUNS + "/{id}", run).then().statusCode(400);
        service().body(Map.of("status", "completed")).patch(RUNS + "/{id}", run).then().statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("is queued; it cannot become completed"));

        service().body(Map.of("status", "running")).patch(RUNS + "/{id}", run).then().statusCode(200)
                .body("status", equalTo("running")).body("started_at", notNullValue())
                .body("finished_at", nullValue());
        service().body(Map.of("status", "running")).patch(RUNS + "/{id}", run).then().statusCode(409);
        service().body(Map.of("status", "completed")).patch(RUNS + "/{id}", run).then().statusCode(200)
                .body("status", equalTo("completed")).body("finished_at", notNullValue());
        service().body(Map.of("status", "failed")).patch(RUNS + "/{id}", run).then().statusCode(409);
        annotator(p).post(RUNS + "/{id}/cancel", run).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("already completed"));

        String failing = createRun(p);
        service().body(Map.of("status", "failed", "error", "No model answered")).patch(RUNS + "/{id}", failing)
                .then().statusCode(200).body("status", equalTo("failed")).body("error", equalTo("No model answered"))
                .body("started_at", nullValue()).body("finished_at", notNullValue());
        annotator(p).post(RUNS + "/{id}/cancel", failing).then().statusCode(409);

        String cancelled = createRun(p);
        patch(cancelled, "running");
        String finishedAt = annotator(p).post(RUNS + "/{id}/cancel", cancelled).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("finished_at", notNullValue())
                .extract().path("finished_at");
        annotator(p).post(RUNS + "/{id}/cancel", cancelled).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("finished_at", equalTo(finishedAt));
        service().body(Map.of("status", "completed")).patch(RUNS + "/{id}", cancelled).then().statusCode(409)
                .body("detail", containsString("is cancelled"));
        annotator(p).get(RUNS + "/{id}", cancelled).then().body("status", equalTo("cancelled"));
    }

    @Test
    void theListIsNewestFirstInPages() {
        String p = TestData.prefix();
        importTasks(p);
        String first = createRun(p);
        String second = createRun(p);
        JsonPath page = annotator(p).queryParam("size", 200).get(RUNS).then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(200)).extract().jsonPath();
        List<String> listed = page.getList("items.id");
        assertTrue(listed.indexOf(second) >= 0 && listed.indexOf(second) < listed.indexOf(first), listed.toString());
        assertTrue(page.getLong("total") >= 2);
        annotator(p).queryParam("size", 1).get(RUNS).then().body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items.total", everyItem(notNullValue()));
        annotator(p).queryParam("size", 0).get(RUNS).then().statusCode(400).contentType(PROBLEM);
        annotator(p).queryParam("page", -1).get(RUNS).then().statusCode(400);
        annotator(p).queryParam("size", 201).get(RUNS).then().statusCode(400);
        annotator(p).queryParam("size", 200).get(RUNS).then()
                .body("items.find { it.id == '" + second + "' }.by_level.key", containsInAnyOrder("1", "2", "3"));
    }
}
