package ai.datasuite.metadata.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.TestIdentity;

/** Tasks are shared reading for every verified caller; importing and matching need an annotator (or admin). */
@QuarkusTest
class TaskRoleTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String FORBIDDEN = "urn:ai-data-suite:problem:forbidden";

    @Test
    void aUserMayNotImportOrMatch() {
        String p = TestData.prefix();
        String jsonl = TestData.fixture("gaia-sample.jsonl", p);
        TestIdentity.as(p, Roles.USER).contentType(TestData.JSONL).body(TestData.utf8(jsonl))
                .post("/api/v1/tasks/import").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(FORBIDDEN)).body("detail", containsString("annotator"));
        TestIdentity.as(p, Roles.USER).multiPart("file", "tasks.jsonl", TestData.utf8(jsonl), TestData.JSONL)
                .post("/api/v1/tasks/import").then().statusCode(403).contentType(PROBLEM);
        TestIdentity.as(p, Roles.USER).post("/api/v1/tasks/match").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(FORBIDDEN));
        given().get("/api/v1/tasks/{id}", p + "-t1").then().statusCode(404);

        TestIdentity.as(p + "-ann", Roles.ANNOTATOR).contentType(TestData.JSONL).body(TestData.utf8(jsonl))
                .post("/api/v1/tasks/import").then().statusCode(200).body("created", equalTo(7));
        TestIdentity.as(p + "-ann", Roles.ANNOTATOR).queryParam("owner_id", p).post("/api/v1/tasks/match")
                .then().statusCode(200);
    }

    @Test
    void everyoneReadsTasksButSeesOnlyTheirOwnLinkedFiles() {
        String p = TestData.prefix();
        TestData.importJsonl(TestData.fixture("gaia-sample.jsonl", p));
        Map<String, Object> aliceFile = TestData.newFile(p + "-alice", "a.xlsx");
        aliceFile.put("task_id", p + "-t1");
        String aliceId = TestData.store(aliceFile);
        Map<String, Object> bobFile = TestData.newFile(p + "-bob", "b.xlsx");
        bobFile.put("task_id", p + "-t1");
        String bobId = TestData.store(bobFile);

        TestIdentity.as(p + "-alice", Roles.USER).get("/api/v1/tasks/{id}", p + "-t1").then().statusCode(200)
                .body("task_id", equalTo(p + "-t1"))
                .body("files.id", contains(aliceId));
        TestIdentity.as(p + "-bob", Roles.USER).get("/api/v1/tasks/{id}", p + "-t1").then().statusCode(200)
                .body("files.id", contains(bobId));
        given().get("/api/v1/tasks/{id}", p + "-t1").then().statusCode(200)
                .body("files.id", containsInAnyOrder(aliceId, bobId));
        TestIdentity.as(p + "-bob", Roles.USER).queryParam("level", 1).get("/api/v1/tasks").then().statusCode(200);
    }
}
