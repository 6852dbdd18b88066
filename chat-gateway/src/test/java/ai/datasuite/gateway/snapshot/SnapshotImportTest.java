package ai.datasuite.gateway.snapshot;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeTaskFiles;
import ai.datasuite.gateway.support.FakeTaskImports;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;

/**
 * POST /api/v1/tasks/import with a zipped GAIA snapshot: checked, answered 202, imported in the background as the
 * caller (rows to metadata, files to ingest with their task, then the match) and reported; the same zip again stores
 * nothing new; bad zips, roles and keys are refused before any work; JSONL still goes to metadata-service.
 */
@QuarkusTest
@TestProfile(SnapshotProfile.class)
class SnapshotImportTest {

    @ConfigProperty(name = "suite.data-dir")
    String dataDir;

    private static final String IMPORT = "/api/v1/tasks/import";

    @InjectFakes
    FakeServices fakes;

    private FakeTaskFiles files;
    private FakeTaskImports tasks;

    @BeforeEach
    void plug() {
        SnapshotFakes plugged = SnapshotFakes.plug(fakes);
        files = plugged.files();
        tasks = plugged.tasks();
    }

    private String key(String user, String role) {
        String key = ApiKeys.generate();
        fakes.keys.seed(key, user, role);
        return key;
    }

    private static ExtractableResponse<Response> send(String key, byte[] zip) {
        return Gateway.withKey(key).contentType("application/zip").body(zip).post(IMPORT).then().extract();
    }

    /** Two folders, a file name used in both, a row without file, a missing file, a refused file, an extra file. */
    private static byte[] snapshot(String prefix) {
        return new SnapshotZips()
                .add("2023/", new byte[0])
                .add("2023/validation/", new byte[0])
                .add("2023/validation/metadata.jsonl", SnapshotZips.row(prefix + "-v1", 1, "v1.csv")
                        + SnapshotZips.row(prefix + "-v2", 2, "chart.png")
                        + SnapshotZips.row(prefix + "-v3", 1, "")
                        + SnapshotZips.row(prefix + "-v4", 3, "blob.bin")
                        + SnapshotZips.row(prefix + "-v5", 2, "missing.pdf"))
                .add("2023/validation/v1.csv", "region,food\nnorth," + prefix + "\n")
                .add("2023/validation/chart.png", SnapshotZips.png("validation chart " + prefix))
                .add("2023/validation/blob.bin", new byte[] {1, 0, 2, 0, 3})
                .add("2023/test/metadata.jsonl", SnapshotZips.row(prefix + "-x1", 1, "notes.txt")
                        + SnapshotZips.row(prefix + "-x2", 2, "chart.png"))
                .add("2023/test/notes.txt", "Notes of " + prefix)
                .add("2023/test/chart.png", SnapshotZips.png("test chart " + prefix))
                .add("2023/test/extra.txt", "no row names me " + prefix)
                .add("__MACOSX/2023/test/._notes.txt", "resource fork")
                .bytes();
    }

    @Test
    void aSnapshotIsImportedAsTheCallerAndTheSameZipAgainStoresNothingNew() throws IOException {
        String user = "alice-" + System.nanoTime();
        String alice = key(user, "annotator");
        byte[] zip = snapshot("s1");

        ExtractableResponse<Response> accepted = send(alice, zip);

        assertEquals(202, accepted.statusCode(), accepted.asString());
        String id = accepted.path("id");
        assertEquals("/api/v1/tasks/imports/" + id, accepted.header("Location"));
        assertEquals(8, (int) accepted.path("files_total"), "2 metadata.jsonl + 6 files, no folders, no litter");
        assertEquals(List.of("2023/test/metadata.jsonl", "2023/validation/metadata.jsonl"),
                accepted.path("metadata_files"));

        JsonObject report = awaitEnd(alice, id);
        assertEquals("completed", report.getString("status"), report.encodePrettily());
        assertEquals(8, report.getInteger("files_done"));
        assertEquals(1.0, report.getDouble("progress"));
        assertEquals(new JsonObject().put("received", 7).put("created", 7).put("updated", 0).put("unchanged", 0),
                report.getJsonObject("rows"));
        JsonObject stored = report.getJsonObject("files");
        assertEquals(5, stored.getInteger("uploaded"));
        assertEquals(0, stored.getInteger("already_stored"));
        JsonArray rejected = stored.getJsonArray("rejected");
        assertEquals(1, rejected.size(), rejected.encode());
        assertEquals("2023/validation/blob.bin", rejected.getJsonObject(0).getString("name"));
        assertEquals(415, rejected.getJsonObject(0).getInteger("status"));
        assertTrue(rejected.getJsonObject(0).getString("detail").contains("could not be recognised"));
        assertEquals(Set.of("s1-v4 blob.bin", "s1-v5 missing.pdf"), report.getJsonArray("rows_without_files")
                .stream().map(JsonObject.class::cast)
                .map(r -> r.getString("task_id") + " " + r.getString("file_name")).collect(Collectors.toSet()));
        assertEquals(List.of("2023/test/extra.txt"), report.getJsonArray("files_without_rows").getList());
        // metadata links a file to the task it names and to every task whose file_name is its name: the two
        // chart.png each get their own task and the other folder's one (as metadata-service's match does)
        assertEquals(6, report.getJsonObject("match").getJsonObject("counts").getInteger("new_links"));
        assertTrue(report.getJsonArray("errors").isEmpty());

        // metadata got each metadata.jsonl as JSONL from the caller, then the match
        List<FakeTaskImports.Call> calls = tasks.calls.stream().filter(c -> c.user().equals(user)).toList();
        assertEquals(3, calls.size(), calls.toString());
        assertTrue(calls.subList(0, 2).stream().allMatch(c -> c.path().equals(FakeTaskImports.IMPORT)
                && c.contentType().startsWith("application/x-ndjson") && c.role().equals("annotator")));
        assertTrue(calls.get(0).body().contains("s1-x1") && calls.get(1).body().contains("s1-v1"));
        assertEquals(FakeTaskImports.MATCH, calls.get(2).path());
        // ingest got every file as the caller, data type task-file, the task of the row in its own folder
        Map<String, String> taskOf = files.uploads.stream().filter(u -> u.user().equals(user) && u.status() == 201)
                .collect(Collectors.toMap(u -> u.name() + " " + u.sha256(), u -> String.valueOf(u.taskId())));
        assertEquals(5, taskOf.size(), taskOf.toString());
        assertEquals("s1-v2", taskOf.get("chart.png " + sha(SnapshotZips.png("validation chart s1"))));
        assertEquals("s1-x2", taskOf.get("chart.png " + sha(SnapshotZips.png("test chart s1"))));
        assertTrue(taskOf.containsValue("s1-v1") && taskOf.containsValue("s1-x1") && taskOf.containsValue("null"),
                taskOf.toString());
        assertTrue(files.uploads.stream().filter(u -> u.user().equals(user))
                .allMatch(u -> u.dataType().equals("task-file") && u.role().equals("annotator")));
        assertFalse(files.uploads.stream().anyMatch(u -> u.name().startsWith("._")), "macOS litter is skipped");

        ExtractableResponse<Response> again = send(alice, zip);
        assertEquals(202, again.statusCode(), again.asString());
        JsonObject second = awaitEnd(alice, again.path("id"));
        assertEquals("completed", second.getString("status"), second.encodePrettily());
        assertEquals(new JsonObject().put("received", 7).put("created", 0).put("updated", 0).put("unchanged", 7),
                second.getJsonObject("rows"));
        assertEquals(0, second.getJsonObject("files").getInteger("uploaded"));
        assertEquals(5, second.getJsonObject("files").getInteger("already_stored"));
        assertEquals(0, second.getJsonObject("match").getJsonObject("counts").getInteger("new_links"));

        // newest first, own only; the spooled zip and unpacked files are gone
        Gateway.withKey(alice).get("/api/v1/tasks/imports").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].id", equalTo(again.path("id")))
                .body("items[1].id", equalTo(id));
        // The configured data dir: ./suite test exports SUITE_DATA_DIR, which outranks the test profile's default.
        try (Stream<Path> spool = Files.list(Path.of(dataDir, "snapshots"))) {
            assertEquals(List.of(), spool.toList());
        }
    }

    @Test
    void refusedRowsFailTheImportWithMetadatasErrorsAndNothingIsUploaded() {
        String bob = key("bob", "admin");
        int uploadsBefore = files.uploads.size();
        byte[] zip = new SnapshotZips()
                .add("metadata.jsonl", SnapshotZips.row("r1", 1, "r1.txt") + "{\"task_id\": \"r2\", \"Level\": 1}\n")
                .add("r1.txt", "text of r1")
                .bytes();

        ExtractableResponse<Response> accepted = send(bob, zip);

        assertEquals(202, accepted.statusCode(), accepted.asString());
        JsonObject report = awaitEnd(bob, accepted.path("id"));
        assertEquals("failed", report.getString("status"));
        assertTrue(report.getString("error").contains("metadata.jsonl"), report.getString("error"));
        JsonObject error = report.getJsonArray("errors").getJsonObject(0);
        assertEquals("metadata.jsonl", error.getString("metadata_file"));
        assertEquals(2, error.getInteger("row"));
        assertEquals("question", error.getString("field"));
        assertEquals(uploadsBefore, files.uploads.size(), "no file is uploaded");
    }

    @Test
    void notAZipIs415() {
        String key = key("carol", "annotator");
        Gateway.withKey(key).contentType("application/x-zip-compressed").body("plain words, not a zip".getBytes())
                .post(IMPORT).then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("not a readable zip"));
    }

    @Test
    void aZipWithoutMetadataJsonlIs400() {
        String key = key("carol", "annotator");
        ExtractableResponse<Response> answer = send(key, new SnapshotZips().add("2023/validation/a.txt", "a").bytes());
        assertEquals(400, answer.statusCode());
        assertTrue(answer.<String>path("detail").contains("no metadata.jsonl"), answer.asString());
    }

    @Test
    void tooManyEntriesAre413NamingTheKey() {
        SnapshotZips zip = new SnapshotZips().add("metadata.jsonl", SnapshotZips.row("e0", 1, ""));
        for (int i = 0; i < 12; i++) {
            zip.add("file" + i + ".txt", "file " + i);
        }
        ExtractableResponse<Response> answer = send(key("carol", "annotator"), zip.bytes());
        assertEquals(413, answer.statusCode(), answer.asString());
        assertTrue(answer.<String>path("detail").contains("gateway.snapshots.max-entries"), answer.asString());
    }

    @Test
    void aZipOverTheSizeLimitIs413NamingTheKey() {
        byte[] noise = new byte[300 * 1024];
        new Random(7).nextBytes(noise);
        byte[] zip = new SnapshotZips().stored().add("metadata.jsonl", SnapshotZips.row("big", 1, "noise.bin"))
                .add("noise.bin", noise).bytes();
        // With Expect: 100-continue, as curl sends it for large bodies: the 413 comes before any body byte is sent
        // (without it the gateway closes the connection while the client may still be writing: a broken pipe).
        ExtractableResponse<Response> answer = Gateway.withKey(key("carol", "annotator"))
                .header("Expect", "100-continue").contentType("application/zip").body(zip).post(IMPORT)
                .then().extract();
        assertEquals(413, answer.statusCode(), answer.asString());
        assertTrue(answer.<String>path("detail").contains("gateway.snapshots.max-size"), answer.asString());
    }

    @Test
    void aZipTooLargeUnpackedIs413NamingTheKey() {
        byte[] zip = new SnapshotZips().add("metadata.jsonl", SnapshotZips.row("bomb", 1, "zeros.txt"))
                .add("zeros.txt", new byte[2 * 1024 * 1024]).bytes();
        assertTrue(zip.length < 256 * 1024, "deflated it is small: " + zip.length);
        ExtractableResponse<Response> answer = send(key("carol", "annotator"), zip);
        assertEquals(413, answer.statusCode(), answer.asString());
        assertTrue(answer.<String>path("detail").contains("gateway.snapshots.max-uncompressed"), answer.asString());
    }

    @Test
    void aUserKeyIs403AndNoKeyIs401BeforeAnyWork() {
        int callsBefore = tasks.calls.size();
        byte[] zip = snapshot("forbidden");

        ExtractableResponse<Response> user = send(key("dave", "user"), zip);
        assertEquals(403, user.statusCode(), user.asString());
        assertTrue(user.<String>path("detail").contains("annotator or admin"), user.asString());
        RestAssured.given().contentType("application/zip").body(zip).post(IMPORT).then().statusCode(401);
        assertEquals(callsBefore, tasks.calls.size());
    }

    @Test
    void jsonlStillGoesToMetadataUnchanged() {
        String erin = key("erin", "annotator");
        String jsonl = SnapshotZips.row("j1", 1, "") + SnapshotZips.row("j2", 2, "");

        Gateway.withKey(erin).contentType("application/x-ndjson").body(jsonl.getBytes(StandardCharsets.UTF_8))
                .post(IMPORT).then().statusCode(200)
                .body("received", equalTo(2));

        FakeTaskImports.Call call = tasks.calls.get(tasks.calls.size() - 1);
        assertEquals(FakeTaskImports.IMPORT, call.path());
        assertTrue(call.contentType().startsWith("application/x-ndjson"), call.contentType());
        assertEquals(jsonl, call.body());
        assertEquals("annotator", call.role());
    }

    @Test
    void anImportIsVisibleToItsOwnerAndAdminsOnly() {
        String frank = key("frank", "annotator");
        String grace = key("grace", "annotator");
        ExtractableResponse<Response> accepted = send(frank, new SnapshotZips()
                .add("metadata.jsonl", SnapshotZips.row("f1", 1, "")).bytes());
        assertEquals(202, accepted.statusCode(), accepted.asString());
        String id = accepted.path("id");

        Gateway.withKey(frank).get("/api/v1/tasks/imports/" + id).then().statusCode(200).body("owner", equalTo("frank"));
        Gateway.withKey(grace).get("/api/v1/tasks/imports/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        Gateway.asAdmin().get("/api/v1/tasks/imports/" + id).then().statusCode(200);
        Gateway.withKey(grace).get("/api/v1/tasks/imports").then().statusCode(200).body("total", equalTo(0));
        Gateway.withKey(frank).get("/api/v1/tasks/imports/no-such-import").then().statusCode(404)
                .body("detail", containsString("send the zip again"));
        Gateway.withKey(frank).queryParam("size", 0).get("/api/v1/tasks/imports").then().statusCode(400);
    }

    static JsonObject awaitEnd(String key, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonObject job = new JsonObject(Gateway.withKey(key).get("/api/v1/tasks/imports/" + id).then()
                    .statusCode(200).extract().asString());
            if (!"running".equals(job.getString("status"))) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import " + id + " did not end: " + job.encodePrettily());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
