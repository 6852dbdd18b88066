package ai.datasuite.metadata.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static ai.datasuite.metadata.TestData.utf8;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import ai.datasuite.metadata.TestData;

@QuarkusTest
class TaskImportTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void importsGaiaJsonlWithOriginalAndSnakeCaseKeys() {
        String p = TestData.prefix();
        given().contentType(TestData.JSONL).body(utf8(TestData.fixture("gaia-sample.jsonl", p)))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(200)
                .body("received", equalTo(7))
                .body("created", equalTo(7))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0));

        // Original GAIA keys, "Annotator Metadata" flattened, counts given as strings.
        given().get("/api/v1/tasks/{id}", p + "-t1").then().statusCode(200)
                .body("task_id", equalTo(p + "-t1"))
                .body("question", containsString("total sales of food"))
                .body("level", equalTo(1))
                .body("final_answer", equalTo("89706.00"))
                .body("file_name", equalTo(p + "-t1.xlsx"))
                .body("steps", equalTo("1. Open the spreadsheet.\n2. Sum the food column."))
                .body("number_of_steps", equalTo(2))
                .body("how_long", equalTo("5 minutes"))
                .body("tools", equalTo("1. Spreadsheet editor"))
                .body("number_of_tools", equalTo(1))
                .body("files", hasSize(0));
        // GAIA writes "" for "no file".
        given().get("/api/v1/tasks/{id}", p + "-t2").then().body("file_name", nullValue());
        // snake_case keys and a level given as a string.
        given().get("/api/v1/tasks/{id}", p + "-t4").then()
                .body("level", equalTo(2))
                .body("how_long", equalTo("3 minutes"))
                .body("number_of_tools", equalTo(1));
        given().get("/api/v1/tasks/{id}", p + "-t5").then()
                .body("level", equalTo(3))
                .body("tools", equalTo("1. Web browser\n2. Search engine"));
    }

    @Test
    void reImportingTheSameFileChangesNothing() {
        String p = TestData.prefix();
        String content = TestData.fixture("gaia-sample.jsonl", p);
        TestData.importJsonl(content);
        String updatedAt = given().get("/api/v1/tasks/{id}", p + "-t3").then().extract().path("updated_at");

        given().contentType("application/jsonl").body(utf8(content))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(200)
                .body("received", equalTo(7))
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(7));
        given().get("/api/v1/tasks/{id}", p + "-t3").then().body("updated_at", equalTo(updatedAt));

        // One changed answer: exactly that task is updated and gets a new updated_at.
        String changed = content.replace("\"Final answer\": \"2019\"", "\"Final answer\": \"2020\"");
        given().contentType(TestData.JSONL).body(utf8(changed))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(200)
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(6));
        JsonPath after = given().get("/api/v1/tasks/{id}", p + "-t3").then().extract().jsonPath();
        assertEquals("2020", after.getString("final_answer"));
        assertNotEquals(updatedAt, after.getString("updated_at"));
    }

    @Test
    void importsCsvWithQuotedCommasAndNewlines() {
        String p = TestData.prefix();
        given().contentType("text/csv").body(utf8(TestData.fixture("gaia-sample.csv", p)))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(200)
                .body("received", equalTo(3))
                .body("created", equalTo(3));

        given().get("/api/v1/tasks/{id}", p + "-c1").then().statusCode(200)
                .body("question", equalTo("Name the three primary colours, in alphabetical order, separated by commas."))
                .body("final_answer", equalTo("blue, red, yellow"))
                .body("steps", equalTo("1. Recall the colours.\n2. Sort them, then join with \", \""))
                .body("number_of_steps", equalTo(2))
                .body("number_of_tools", equalTo(0))
                .body("file_name", nullValue());
        given().get("/api/v1/tasks/{id}", p + "-c2").then()
                .body("file_name", equalTo(p + "-map.png"))
                .body("tools", equalTo("1. Image viewer, zoom"));
        given().get("/api/v1/tasks/{id}", p + "-c3").then()
                .body("question", equalTo("Multi-line\nquestion text"))
                .body("level", equalTo(3))
                .body("steps", equalTo("Step one.\nStep two.\nStep three."));

        given().contentType("text/csv").body(utf8(TestData.fixture("gaia-sample.csv", p)))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(200)
                .body("unchanged", equalTo(3));
    }

    @Test
    void badJsonlRowsAreAllReportedAndNothingIsImported() {
        String p = TestData.prefix();
        JsonPath problem = given().contentType(TestData.JSONL)
                .body(utf8(TestData.fixture("gaia-bad.jsonl", p)))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("error_count", equalTo(6))
                .extract().jsonPath();
        List<Map<String, Object>> errors = problem.getList("errors");
        assertEquals(List.of(2, 3, 4, 5, 6, 7), errors.stream().map(e -> e.get("row")).toList());
        assertEquals(List.of("question", "level", "number_of_steps", "", "task_id", "task_id"),
                errors.stream().map(e -> e.get("field") == null ? "" : e.get("field")).toList());
        assertEquals("duplicate of row 1", errors.get(4).get("message"));

        // The good first row was not imported either.
        given().get("/api/v1/tasks/{id}", p + "-b1").then().statusCode(404);
    }

    @Test
    void badCsvRowsUseDataRowNumbers() {
        String p = TestData.prefix();
        given().contentType("text/csv").body(utf8(TestData.fixture("gaia-bad.csv", p)))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors.row", contains(2, 3))
                .body("errors[0].field", equalTo("level"));
        given().get("/api/v1/tasks/{id}", p + "-d1").then().statusCode(404);
    }

    @Test
    void csvWithoutRequiredColumnsIs400() {
        given().contentType("text/csv").body(utf8("id,text\n1,hello\n"))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(400)
                .body("errors.field", hasItem("task_id"))
                .body("errors.field", hasItem("question"))
                .body("errors.field", hasItem("level"));
    }

    @Test
    void multipartUploadTakesTheFormatFromTheFileName() {
        String p = TestData.prefix();
        given().multiPart("file", "gaia.jsonl",
                        TestData.fixture("gaia-sample.jsonl", p).getBytes(StandardCharsets.UTF_8),
                        "application/octet-stream")
                .when().post("/api/v1/tasks/import")
                .then().statusCode(200)
                .body("created", equalTo(7));
        given().multiPart("file", "tasks.data",
                        TestData.fixture("gaia-sample.csv", p).getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/api/v1/tasks/import")
                .then().statusCode(200)
                .body("created", equalTo(3));
        given().get("/api/v1/tasks/{id}", p + "-c2").then().statusCode(200);
    }

    @Test
    void multipartWithAnUnknownFormatIs415AndWithoutFilePartIs400() {
        given().multiPart("file", "tasks.xlsx", new byte[] {1, 2, 3}, "application/octet-stream")
                .when().post("/api/v1/tasks/import")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:unsupported-media-type"));
        given().multiPart("other", "x")
                .when().post("/api/v1/tasks/import")
                .then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void unsupportedContentTypeIs415() {
        given().contentType("application/json").body("{\"task_id\": \"x\"}")
                .when().post("/api/v1/tasks/import")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:unsupported-media-type"));
    }

    @Test
    void bodyAboveTheConfiguredLimitIs413() {
        // The test profile sets metadata.import.max-bytes=1M.
        String line = "{\"task_id\": \"big\", \"Question\": \"" + "x".repeat(1024) + "\", \"Level\": 1}\n";
        String body = line.repeat(1100);
        given().contentType(TestData.JSONL).body(utf8(body))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(413)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:payload-too-large"));
    }

    @Test
    void uploadedFileAboveTheConfiguredLimitIs413() {
        String line = "{\"task_id\": \"big\", \"Question\": \"" + "x".repeat(1024) + "\", \"Level\": 1}\n";
        given().multiPart("file", "big.jsonl", utf8(line.repeat(1100)), TestData.JSONL)
                .when().post("/api/v1/tasks/import")
                .then().statusCode(413)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:payload-too-large"));
    }

    @Test
    void jsonLinesMediaTypesAreAccepted() {
        for (String type : List.of("application/x-jsonlines", "application/jsonlines")) {
            String p = TestData.prefix();
            String line = "{\"task_id\": \"" + p + "-j\", \"Question\": \"q\", \"Level\": 1}\n";
            given().contentType(type).body(utf8(line))
                    .when().post("/api/v1/tasks/import")
                    .then().statusCode(200)
                    .body("created", equalTo(1));
        }
    }

    @Test
    void answersAndToolsLongerThan64KbAreKept() {
        // MariaDB's TEXT stops at 64 KB; the columns must hold what the parser accepts.
        String p = TestData.prefix();
        String answer = "a".repeat(100_000);
        String tools = "t".repeat(70_000);
        given().contentType(TestData.JSONL)
                .body(utf8("{\"task_id\": \"" + p + "-long\", \"Question\": \"q\", \"Level\": 1,"
                        + " \"Final answer\": \"" + answer + "\", \"Annotator Metadata\": {\"Tools\": \""
                        + tools + "\"}}\n"))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(200)
                .body("created", equalTo(1));
        JsonPath task = given().get("/api/v1/tasks/{id}", p + "-long").then().statusCode(200).extract().jsonPath();
        assertEquals(answer, task.getString("final_answer"));
        assertEquals(tools, task.getString("tools"));
    }

    @Test
    void moreRowsThanTheConfiguredLimitIs413() {
        // The test profile sets metadata.import.max-rows=500.
        String p = TestData.prefix();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            body.append("{\"task_id\": \"").append(p).append('-').append(i)
                    .append("\", \"Question\": \"q\", \"Level\": 1}\n");
        }
        given().contentType(TestData.JSONL).body(utf8(body.toString()))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(413)
                .body("detail", containsString("500"));
        given().get("/api/v1/tasks/{id}", p + "-0").then().statusCode(404);
    }
}
