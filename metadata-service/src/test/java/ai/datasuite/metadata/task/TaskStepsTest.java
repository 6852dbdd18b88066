package ai.datasuite.metadata.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * Versions of a task's steps over HTTP: saving (new version, diff, no-op), validation naming the metadata.tasks.*
 * keys (the test profile sets max-steps 10 and max-step-chars 200), roles, history, and imports keeping edits.
 */
@QuarkusTest
class TaskStepsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION = "urn:ai-data-suite:problem:validation";

    private static RequestSpecification annotator(String p) {
        return TestIdentity.as(p + "-alice", Roles.ANNOTATOR).contentType(ContentType.JSON);
    }

    private static Map<String, Object> body(String note, String... steps) {
        Map<String, Object> body = new HashMap<>();
        body.put("steps", List.of(steps));
        body.put("note", note);
        return body;
    }

    @Test
    void anEditBecomesVersionTwoWithItsDiffAndTheImportAsVersionOne() {
        String p = TestData.prefix();
        TestData.importJsonl(TestData.fixture("gaia-sample.jsonl", p));
        given().get("/api/v1/tasks/{id}", p + "-t1").then().statusCode(200).body("steps_version", equalTo(1));

        annotator(p).body(body("two decimals", "Open the spreadsheet.", "  Sum the food column ", "Round to cents"))
                .put("/api/v1/tasks/{id}/steps", p + "-t1")
                .then().statusCode(200)
                .body("task_id", equalTo(p + "-t1"))
                .body("version", equalTo(2))
                .body("author", equalTo(p + "-alice"))
                .body("role", equalTo("annotator"))
                .body("note", equalTo("two decimals"))
                .body("created_at", not(nullValue()))
                .body("changed", equalTo(true))
                // Surrounding blanks are dropped; the imported "2. Sum the food column." became another step.
                .body("steps", contains("Open the spreadsheet.", "Sum the food column", "Round to cents"))
                .body("diff.op", contains("unchanged", "removed", "added", "added"))
                .body("diff.step", contains("Open the spreadsheet.", "Sum the food column.", "Sum the food column",
                        "Round to cents"));

        JsonPath task = given().get("/api/v1/tasks/{id}", p + "-t1").then().statusCode(200).extract().jsonPath();
        assertEquals("1. Open the spreadsheet.\n2. Sum the food column\n3. Round to cents", task.getString("steps"));
        assertEquals(3, task.getInt("number_of_steps"));
        assertEquals(2, task.getInt("steps_version"));
        // The list view carries the version too (other tests' tasks share the database: look through the pages).
        assertEquals(2, listedStepsVersion(p + "-t1"));
        assertEquals(1, listedStepsVersion(p + "-t2"));
    }

    /** steps_version of one task as GET /api/v1/tasks lists it, from whichever page holds it. */
    private static int listedStepsVersion(String taskId) {
        for (int page = 0; ; page++) {
            JsonPath list = given().queryParam("size", 200).queryParam("page", page).get("/api/v1/tasks")
                    .then().statusCode(200).extract().jsonPath();
            Integer version = list.get("items.find { it.task_id == '" + taskId + "' }.steps_version");
            if (version != null) {
                return version;
            }
            if (list.getList("items").isEmpty()) {
                throw new AssertionError("task " + taskId + " is not listed");
            }
        }
    }

    @Test
    void savingTheCurrentStepsMakesNoVersion() {
        String p = TestData.prefix();
        TestData.importJsonl(TestData.fixture("gaia-sample.jsonl", p));
        // Equal to the imported steps once their numbering is dropped: nothing to save, version 1 stays.
        annotator(p).body(body("no change", "Open the spreadsheet.", "Sum the food column."))
                .put("/api/v1/tasks/{id}/steps", p + "-t1")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("author", equalTo("import"))
                .body("role", nullValue())
                .body("changed", equalTo(false))
                .body("diff.op", contains("unchanged", "unchanged"));
        given().get("/api/v1/tasks/{id}/steps/history", p + "-t1").then().statusCode(200)
                .body("current_version", equalTo(1))
                .body("versions", hasSize(1));

        annotator(p).body(body(null, "A", "B")).put("/api/v1/tasks/{id}/steps", p + "-t1").then()
                .statusCode(200).body("version", equalTo(2));
        TestIdentity.as(p + "-bob", Roles.ADMIN).contentType(ContentType.JSON).body(body("same", "A", "B"))
                .put("/api/v1/tasks/{id}/steps", p + "-t1")
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("author", equalTo(p + "-alice"))
                .body("changed", equalTo(false));
        given().get("/api/v1/tasks/{id}", p + "-t1").then().body("steps_version", equalTo(2));
    }

    @Test
    void historyListsEveryVersionNewestFirstWithAuthorsAndDiffs() {
        String p = TestData.prefix();
        TestData.importJsonl(TestData.fixture("gaia-sample.jsonl", p));
        // Never edited: one version synthesised from the import.
        given().get("/api/v1/tasks/{id}/steps/history", p + "-t3").then().statusCode(200)
                .body("task_id", equalTo(p + "-t3"))
                .body("current_version", equalTo(1))
                .body("versions.version", contains(1))
                .body("versions[0].author", equalTo("import"))
                .body("versions[0].steps", contains("Read the report.", "Find the revenue table.",
                        "Pick the first year above 1M."))
                .body("versions[0].diff.op", contains("added", "added", "added"));

        annotator(p).body(body("shorter", "Read the report.", "Pick the first year above 1M."))
                .put("/api/v1/tasks/{id}/steps", p + "-t3").then().statusCode(200);
        TestIdentity.as(p + "-root", Roles.ADMIN).contentType(ContentType.JSON)
                .body(body(null, "Read the report.", "Check the revenue table.", "Pick the first year above 1M."))
                .put("/api/v1/tasks/{id}/steps", p + "-t3").then().statusCode(200).body("version", equalTo(3));

        // A plain user may read the history (tasks are shared reading).
        TestIdentity.as(p + "-user", Roles.USER).get("/api/v1/tasks/{id}/steps/history", p + "-t3")
                .then().statusCode(200)
                .body("current_version", equalTo(3))
                .body("versions.version", contains(3, 2, 1))
                .body("versions.author", contains(p + "-root", p + "-alice", "import"))
                .body("versions.role", contains("admin", "annotator", null))
                .body("versions.note", contains(null, "shorter", null))
                .body("versions.changed", contains(true, true, true))
                .body("versions[0].diff.op", contains("unchanged", "added", "unchanged"))
                .body("versions[0].diff[1].step", equalTo("Check the revenue table."))
                .body("versions[1].diff.op", contains("unchanged", "removed", "unchanged"))
                .body("versions[1].diff[1].step", equalTo("Find the revenue table."))
                .body("versions[2].steps", hasSize(3));
    }

    @Test
    void aLaterImportKeepsEditedStepsAndUpdatesTheRest() {
        String p = TestData.prefix();
        String content = TestData.fixture("gaia-sample.jsonl", p);
        TestData.importJsonl(content);
        annotator(p).body(body(null, "Search the discography.", "Count the albums of 2000-2009.", "Answer 3"))
                .put("/api/v1/tasks/{id}/steps", p + "-t5").then().statusCode(200).body("version", equalTo(2));

        // The same file again: the edited task is unchanged, not "updated" back to the imported steps.
        given().contentType(TestData.JSONL).body(TestData.utf8(content)).post("/api/v1/tasks/import")
                .then().statusCode(200).body("unchanged", equalTo(7)).body("updated", equalTo(0));
        // Changed imported steps and answer: the answer is taken, the annotators' steps stay.
        String changed = content.replace("1. Search the discography.\\n2. Count albums 2000-2009.",
                "1. Imported again.").replace("\"final_answer\": \"3\"", "\"final_answer\": \"4\"")
                .replace("1. Look at the picture.", "1. Look closely at the picture.");
        given().contentType(TestData.JSONL).body(TestData.utf8(changed)).post("/api/v1/tasks/import")
                .then().statusCode(200).body("updated", equalTo(2)).body("unchanged", equalTo(5));
        given().get("/api/v1/tasks/{id}", p + "-t5").then().statusCode(200)
                .body("final_answer", equalTo("4"))
                .body("steps", equalTo("1. Search the discography.\n2. Count the albums of 2000-2009.\n3. Answer 3"))
                .body("number_of_steps", equalTo(3))
                .body("steps_version", equalTo(2));
        // A task never edited still takes the imported steps.
        given().get("/api/v1/tasks/{id}", p + "-t2").then()
                .body("steps", equalTo("1. Look closely at the picture."))
                .body("steps_version", equalTo(1));
    }

    @Test
    void invalidStepsAre400NamingTheFieldAndTheKey() {
        String p = TestData.prefix();
        TestData.importJsonl(TestData.fixture("gaia-sample.jsonl", p));
        String path = "/api/v1/tasks/" + p + "-t1/steps";

        annotator(p).body(Map.of("steps", List.of())).put(path).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION)).body("errors[0].field", equalTo("steps"));
        annotator(p).body(Map.of("note", "no steps")).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("steps"));
        annotator(p).put(path).then().statusCode(400).contentType(PROBLEM);

        List<String> eleven = Collections.nCopies(11, "step");
        annotator(p).body(Map.of("steps", eleven)).put(path).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("at most 10 steps (metadata.tasks.max-steps)"))
                .body("errors[0].field", equalTo("steps"));

        annotator(p).body(Map.of("steps", Arrays.asList("fine", "  ", null, "x".repeat(201), "two\nlines")))
                .put(path).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("4 step(s)"))
                .body("errors.field", contains("steps[1]", "steps[2]", "steps[3]", "steps[4]"))
                .body("errors[0].message", equalTo("must not be blank"))
                .body("errors[2].message", containsString("at most 200 characters (metadata.tasks.max-step-chars)"))
                .body("errors[3].message", containsString("one line"));
        // 200 characters counted as code points: 200 emoji are fine.
        annotator(p).body(Map.of("steps", List.of("😀".repeat(200)))).put(path).then().statusCode(200)
                .body("steps[0]", equalTo("😀".repeat(200)));

        annotator(p).body(Map.of("steps", List.of("ok"), "note", "n".repeat(1001))).put(path)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("note"))
                .body("detail", containsString("metadata.tasks.max-note-chars"));
        annotator(p).body("{\"steps\": \"not a list\"}").put(path).then().statusCode(400).contentType(PROBLEM);

        // Nothing invalid was saved.
        given().get("/api/v1/tasks/{id}/steps/history", p + "-t1").then().body("current_version", equalTo(2));
    }

    @Test
    void answersCarryExactlyTheDocumentedProperties() {
        String p = TestData.prefix();
        TestData.importJsonl(TestData.fixture("gaia-sample.jsonl", p));
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        JsonPath saved = annotator(p).body(body("why", "x", "y")).put("/api/v1/tasks/{id}/steps", p + "-t2")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(properties(doc, "StepsVersion"), saved.getMap("$").keySet());
        assertEquals(properties(doc, "StepsDiffLine"), saved.getMap("diff[0]").keySet());
        JsonPath history = given().get("/api/v1/tasks/{id}/steps/history", p + "-t2").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(properties(doc, "StepsHistory"), history.getMap("$").keySet());
        assertEquals(properties(doc, "StepsVersion"), history.getMap("versions[1]").keySet());
        assertEquals(properties(doc, "StepsUpdate"), Set.of("steps", "note"));
        JsonPath types = given().get("/api/v1/tasks/charts/file-types").then().extract().jsonPath();
        assertEquals(properties(doc, "TaskFileTypesChart"), types.getMap("$").keySet());
        assertEquals(properties(doc, "TaskChartCount"), types.getMap("file_types[0]").keySet());
        JsonPath annotations = given().get("/api/v1/tasks/charts/annotations").then().extract().jsonPath();
        assertEquals(properties(doc, "TaskAnnotationsChart"), annotations.getMap("$").keySet());
        assertEquals("#/components/schemas/StepsUpdate", doc.getString(
                "paths.'/api/v1/tasks/{task_id}/steps'.put.requestBody.content.'application/json'.schema.'$ref'"));
    }

    private static Set<String> properties(JsonPath doc, String schema) {
        Map<String, Object> properties = doc.getMap("components.schemas." + schema + ".properties");
        return properties == null ? Set.of() : properties.keySet();
    }

    @Test
    void usersMayNotEditAndUnknownTasksAre404() {
        String p = TestData.prefix();
        TestData.importJsonl(TestData.fixture("gaia-sample.jsonl", p));
        TestIdentity.as(p + "-user", Roles.USER).contentType(ContentType.JSON).body(body(null, "mine"))
                .put("/api/v1/tasks/{id}/steps", p + "-t1")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("annotator"));
        given().get("/api/v1/tasks/{id}", p + "-t1").then().body("steps_version", equalTo(1));

        annotator(p).body(body(null, "a")).put("/api/v1/tasks/{id}/steps", p + "-nope")
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString(p + "-nope"));
        given().get("/api/v1/tasks/{id}/steps/history", p + "-nope").then().statusCode(404).contentType(PROBLEM);
        TestIdentity.anonymous().get("/api/v1/tasks/{id}/steps/history", p + "-t1").then().statusCode(401);
        // The task itself still answers under /api/v1/tasks/{task_id}.
        given().get("/api/v1/tasks/{id}", p + "-t1").then().statusCode(200);
    }
}
