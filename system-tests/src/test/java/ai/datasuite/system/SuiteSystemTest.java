package ai.datasuite.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.response.Response;

/** ingest-service and metadata-service as users run them: real processes, real HTTP between them, S3Proxy. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteSystemTest {

    static final Path SAMPLES = Path.of("..", "datasets", "sample-files");

    /** What the content says each sample is, whatever its name. */
    static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("testWORD.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("testPPT.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("testEXCEL.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("testPDF.pdf", "application/pdf"),
            Map.entry("testPNG.png", "image/png"),
            Map.entry("testJPEG.jpg", "image/jpeg"),
            Map.entry("testCSV.csv", "text/csv"),
            Map.entry("testHTML.html", "text/html"),
            Map.entry("testTXT.txt", "text/plain"),
            Map.entry("check_javadoc_sourcepath.py", "text/x-python"),
            Map.entry("test-documents.zip", "application/zip"),
            Map.entry("1A8O.pdb", "chemical/x-pdb"));

    static RunningSuite suite;

    @BeforeAll
    static void start() throws Exception {
        suite = new RunningSuite();
    }

    @AfterAll
    static void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void everySampleFileUploadsAndIsRecorded() throws IOException {
        String user = user();
        List<Path> samples = samples();
        assertTrue(samples.size() >= 22, "expected the repository's sample files, found " + samples);
        for (Path sample : samples) {
            String name = sample.getFileName().toString();
            Response response = upload(user, sample.toFile(), name, null);
            assertEquals(201, response.statusCode(), name + ": " + response.asString());
            String id = response.path("id");
            if (EXPECTED.containsKey(name)) {
                assertEquals(EXPECTED.get(name), response.path("media_type"), name);
            }
            // The record is in the system of record, and the bytes come back whole.
            given().get(suite.metadata() + "/api/v1/files/{id}", id).then().statusCode(200)
                    .body("sha256", equalTo(response.path("sha256")));
            byte[] back = given().get(suite.ingest() + "/api/v1/files/{id}/content", id).then().statusCode(200)
                    .extract().asByteArray();
            assertEquals(Files.size(sample), back.length, name);
        }
        given().queryParam("user_id", user).queryParam("size", 100).get(suite.ingest() + "/api/v1/files").then()
                .statusCode(200).body("total", equalTo(samples.size()));
        String docx = given().queryParam("user_id", user).queryParam("name", "testWORD.docx")
                .get(suite.ingest() + "/api/v1/files").then().statusCode(200).extract().path("items[0].id");
        given().get(suite.ingest() + "/api/v1/files/{id}/text", docx).then().statusCode(200)
                .body(containsString("Sample Word Document"));
    }

    @Test
    @Order(2)
    void tasksMatchTheFilesNamedAfterThem() {
        String user = user();
        String withFile = UUID.randomUUID().toString();
        String missing = UUID.randomUUID().toString();
        String noFile = UUID.randomUUID().toString();
        String jsonl = String.join("\n",
                task(withFile, "What is on the first page?", 1, "Tika", withFile + ".pdf"),
                task(missing, "What does the image show?", 2, "A cat", missing + ".png"),
                task(noFile, "What is 2 + 2?", 1, "4", ""));
        given().contentType("application/x-ndjson").body(jsonl.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(suite.metadata() + "/api/v1/tasks/import")
                .then().statusCode(200).body("created", equalTo(3));

        String fileId = upload(user, SAMPLES.resolve("testPDF.pdf").toFile(), withFile + ".pdf", withFile)
                .then().statusCode(201).extract().path("id");
        given().queryParam("owner_id", user).post(suite.metadata() + "/api/v1/tasks/match").then().statusCode(200)
                .body("matched.task_id", hasItem(withFile))
                .body("tasks_missing_file.task_id", hasItem(missing))
                .body("tasks_missing_file.task_id", not(hasItem(noFile)));
        given().get(suite.metadata() + "/api/v1/tasks/{id}", withFile).then().statusCode(200)
                .body("files.id", hasItem(fileId));

        // Deleting through ingest removes the record (and its link) from the system of record.
        given().delete(suite.ingest() + "/api/v1/files/{id}", fileId).then().statusCode(204);
        given().get(suite.metadata() + "/api/v1/files/{id}", fileId).then().statusCode(404);
        given().get(suite.metadata() + "/api/v1/tasks/{id}", withFile).then().statusCode(200)
                .body("files.id", not(hasItem(fileId)));
    }

    @Test
    @Order(3)
    void uploadsFailCleanlyWhileMetadataIsDown() throws Exception {
        String user = user();
        suite.stopMetadata();
        upload(user, SAMPLES.resolve("testTXT.txt").toFile(), "testTXT.txt", null).then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:dependency-unavailable"));
        try (Stream<Path> left = Files.walk(suite.dataDir.resolve("s3"))) {
            assertTrue(left.noneMatch(p -> p.toString().contains(user)), "no object of the failed upload is left");
        }
    }

    private static Response upload(String user, File file, String name, String taskId) {
        String metadata = "{\"user_id\":\"" + user + "\",\"data_type\":\"benchmark\""
                + (taskId == null ? "" : ",\"task_id\":\"" + taskId + "\"") + "}";
        return given().multiPart("file", name, readAll(file)).multiPart("metadata", metadata)
                .post(suite.ingest() + "/api/v1/files");
    }

    private static byte[] readAll(File file) {
        try {
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String task(String id, String question, int level, String answer, String fileName) {
        return "{\"task_id\":\"" + id + "\",\"Question\":\"" + question + "\",\"Level\":" + level
                + ",\"Final answer\":\"" + answer + "\",\"file_name\":\"" + fileName + "\"}";
    }

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> !p.getFileName().toString().equals("README.md")
                    && !p.getFileName().toString().equals("MANIFEST.csv")).sorted().toList();
        }
    }

    private static String user() {
        return "sys-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
