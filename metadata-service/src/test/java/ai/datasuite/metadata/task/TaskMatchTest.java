package ai.datasuite.metadata.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import ai.datasuite.metadata.TestData;

@QuarkusTest
class TaskMatchTest {

    /** Imports the 7-task sample and stores the files the seed data would bring, all under one owner. */
    private record Scenario(String p, String owner, String t1File, String t2File, String reportFile,
                            String t6File, String strayFile) {
    }

    private static Scenario scenario() {
        String p = TestData.prefix();
        String owner = p + "-owner";
        TestData.importJsonl(TestData.fixture("gaia-sample.jsonl", p));
        String t1File = TestData.store(TestData.newFile(owner, p + "-t1.xlsx"));
        String t2File = TestData.store(TestData.newFile(owner, p + "-t2.png"));
        String reportFile = TestData.store(TestData.newFile(owner, p + "-report.pdf"));
        Map<String, Object> t6 = TestData.newFile(owner, "upload.docx");
        t6.put("task_id", p + "-t6");
        String t6File = TestData.store(t6);
        String strayFile = TestData.store(TestData.newFile(owner, p + "-stray.txt"));
        return new Scenario(p, owner, t1File, t2File, reportFile, t6File, strayFile);
    }

    @Test
    void uploadNamingAnExistingTaskLinksRightAway() {
        Scenario s = scenario();
        given().get("/api/v1/tasks/{id}", s.p() + "-t6").then().statusCode(200)
                .body("files.id", contains(s.t6File()))
                .body("files[0].original_name", equalTo("upload.docx"));
    }

    @Test
    void matchLinksByFileNameByTaskIdStemAndByUploaderTaskId() {
        Scenario s = scenario();
        String p = s.p();
        JsonPath report = given().queryParam("owner_id", s.owner())
                .when().post("/api/v1/tasks/match")
                .then().statusCode(200)
                .extract().jsonPath();

        Set<String> matched = report.<Map<String, Object>>getList("matched").stream()
                .map(m -> m.get("task_id") + "|" + m.get("file_id") + "|" + m.get("matched_by"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(
                p + "-t1|" + s.t1File() + "|file_name",
                p + "-t2|" + s.t2File() + "|name_stem",
                p + "-t3|" + s.reportFile() + "|file_name",
                p + "-t6|" + s.t6File() + "|task_id"), matched);

        List<Map<String, Object>> missing = report.getList("tasks_missing_file");
        assertTrue(missing.contains(Map.of("task_id", p + "-t4", "file_name", p + "-missing.mp3")), missing::toString);
        assertFalse(missing.stream().anyMatch(m -> m.get("task_id").equals(p + "-t1")));
        // Tasks naming no file are never "missing" one.
        assertFalse(missing.stream().anyMatch(m -> m.get("task_id").equals(p + "-t5")));

        assertEquals(List.of(Map.of("file_id", s.strayFile(), "original_name", p + "-stray.txt")),
                report.getList("files_without_task"));
        assertEquals(5, report.getInt("counts.files"));
        assertEquals(4, report.getInt("counts.matched"));
        // The t6 link was made at upload time.
        assertEquals(3, report.getInt("counts.new_links"));
        assertEquals(1, report.getInt("counts.files_without_task"));

        // Persisted: the task shows its file, and matching again adds no link.
        given().get("/api/v1/tasks/{id}", p + "-t2").then()
                .body("files.id", contains(s.t2File()));
        given().queryParam("owner_id", s.owner())
                .when().post("/api/v1/tasks/match")
                .then().statusCode(200)
                .body("counts.new_links", equalTo(0))
                .body("matched", hasSize(4));
        given().queryParam("owner_id", s.owner()).queryParam("task_id", p + "-t3")
                .get("/api/v1/files").then().body("items.id", contains(s.reportFile()));
    }

    @Test
    void deletingAFileRemovesItsLink() {
        Scenario s = scenario();
        given().queryParam("owner_id", s.owner()).post("/api/v1/tasks/match").then().statusCode(200);
        given().get("/api/v1/tasks/{id}", s.p() + "-t1").then().body("files.id", contains(s.t1File()));

        given().delete("/api/v1/files/{id}", s.t1File()).then().statusCode(204);

        given().get("/api/v1/tasks/{id}", s.p() + "-t1").then().statusCode(200).body("files", empty());
        assertTrue(allTaskIds(Map.of("matched", false)).contains(s.p() + "-t1"));
        JsonPath report = given().queryParam("owner_id", s.owner()).post("/api/v1/tasks/match")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(report.<Map<String, Object>>getList("tasks_missing_file").stream()
                .anyMatch(m -> m.get("task_id").equals(s.p() + "-t1")));
    }

    @Test
    void listFiltersByLevelFileAndMatch() {
        Scenario s = scenario();
        String p = s.p();
        given().queryParam("owner_id", s.owner()).post("/api/v1/tasks/match").then().statusCode(200);

        List<String> level3 = mine(allTaskIds(Map.of("level", 3)), p);
        assertEquals(List.of(p + "-t5"), level3);
        List<String> withFile = mine(allTaskIds(Map.of("has_file", true)), p);
        assertEquals(List.of(p + "-t1", p + "-t3", p + "-t4", p + "-t6"), withFile);
        List<String> withoutFile = mine(allTaskIds(Map.of("has_file", false)), p);
        assertEquals(List.of(p + "-t2", p + "-t5", p + "-t7"), withoutFile);
        List<String> matched = mine(allTaskIds(Map.of("matched", true)), p);
        assertEquals(List.of(p + "-t1", p + "-t2", p + "-t3", p + "-t6"), matched);
        List<String> unmatchedWithFile = mine(allTaskIds(Map.of("matched", false, "has_file", true)), p);
        assertEquals(List.of(p + "-t4"), unmatchedWithFile);
        List<String> level1Matched = mine(allTaskIds(Map.of("level", 1, "matched", true)), p);
        assertEquals(List.of(p + "-t1", p + "-t2"), level1Matched);
    }

    @Test
    void listPagesAndRejectsBadParameters() {
        given().queryParam("size", 2).queryParam("page", 0).get("/api/v1/tasks").then().statusCode(200)
                .body("size", equalTo(2))
                .body("page", equalTo(0));
        given().queryParam("size", 201).get("/api/v1/tasks").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("level", 4).get("/api/v1/tasks").then().statusCode(400)
                .body("errors.field", contains("level"));
        given().queryParam("has_file", "maybe").get("/api/v1/tasks").then().statusCode(400)
                .body("errors.field", contains("has_file"));
        given().queryParam("matched", "yes").get("/api/v1/tasks").then().statusCode(400)
                .body("errors.field", contains("matched"));
        // page * size above Integer.MAX_VALUE would overflow Panache's int offset.
        given().queryParam("page", Integer.MAX_VALUE).queryParam("size", 200).get("/api/v1/tasks").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("page"));
    }

    @Test
    void unknownTaskIs404() {
        given().get("/api/v1/tasks/{id}", "no-such-" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"));
    }

    /** All task ids of a filtered list, over every page (other tests' tasks share the table). */
    private static List<String> allTaskIds(Map<String, Object> filters) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = given().queryParams(filters).queryParam("size", 200).queryParam("page", page)
                    .get("/api/v1/tasks").then().statusCode(200).extract().jsonPath();
            List<String> items = body.getList("items.task_id");
            ids.addAll(items);
            if (items.size() < 200) {
                return ids;
            }
        }
    }

    private static List<String> mine(List<String> ids, String prefix) {
        return ids.stream().filter(id -> id.startsWith(prefix + "-")).sorted().toList();
    }
}
