package ai.datasuite.gateway.document;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeIngestFiles;
import ai.datasuite.gateway.support.FakeMetadataRecords;
import ai.datasuite.gateway.support.FakeRetrievalIndex;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;
import ai.datasuite.gateway.support.RawHttp;

/** POST /api/upload: streamed to ingest as the caller, recorded, chunked and indexed; ingest's refusals unchanged. */
@QuarkusTest
@TestProfile(DocumentsProfile.class)
class UploadTest {

    @InjectFakes
    FakeServices fakes;

    @Inject
    StaleIndexingRecovery recovery;

    private FakeIngestFiles files;
    private FakeRetrievalIndex index;
    private FakeMetadataRecords records;

    @BeforeEach
    void plug() {
        DocumentFakes plugged = DocumentFakes.plug(fakes);
        files = plugged.files();
        index = plugged.index();
        records = plugged.records();
    }

    private String key(String user, String role) {
        String key = ApiKeys.generate();
        fakes.keys.seed(key, user, role);
        return key;
    }

    static ExtractableResponse<Response> upload(String key, String name, byte[] bytes, String metadata) {
        return Gateway.withKey(key).multiPart("file", name, bytes, "application/octet-stream")
                .multiPart("metadata", metadata, "application/json")
                .post("/api/upload").then().extract();
    }

    static byte[] paragraphs(String topic, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("Paragraph ").append(i).append(" about ").append(topic)
                    .append(": the committee met on day ").append(i).append(" and wrote down what it decided, with")
                    .append(" every member present and the minutes signed.\n\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSmallFileIsIndexedBeforeTheAnswerWithTheCallerAsOwner() {
        String alice = key("alice", "user");
        byte[] text = ("The lighthouse keeper rows to the island every Tuesday.\n\n"
                + "Fog horns sound when visibility drops below one nautical mile.").getBytes(StandardCharsets.UTF_8);

        ExtractableResponse<Response> answer = upload(alice, "lighthouse.txt", text, "{\"data_type\": \"text\"}");

        assertEquals(201, answer.statusCode(), answer.asString());
        String fileId = answer.path("file_id");
        String documentId = answer.path("document_id");
        assertEquals("ready", answer.path("status"));
        assertEquals("lighthouse.txt", answer.path("name"));
        assertEquals("text", answer.path("data_type"));
        assertEquals("/api/v1/documents/" + documentId, answer.header("Location"));
        int chunks = answer.path("chunks");
        assertTrue(chunks >= 1 && chunks <= 4, "chunks " + chunks);
        assertEquals(chunks, index.of("alice", fileId).size());
        assertTrue(index.of("alice", fileId).get(0).text().contains("lighthouse keeper"));
        assertEquals("alice", files.files.get(fileId).owner());
        assertTrue(index.indexCalls.stream().filter(c -> c.sourceFileId().equals(fileId))
                .allMatch(c -> c.caller().equals("alice") && c.owner().equals("alice")));
        assertTrue(index.indexCalls.stream().filter(c -> c.sourceFileId().equals(fileId)).findFirst()
                .orElseThrow().replace(), "the first batch replaces what the file had");

        Gateway.withKey(alice).get("/api/v1/documents/" + documentId).then().statusCode(200)
                .body("status", equalTo("ready")).body("chunks", equalTo(chunks))
                .body("chunks_indexed", equalTo(chunks)).body("progress", equalTo(1.0f))
                .body("owner", equalTo("alice")).body("file_id", equalTo(fileId));
    }

    @Test
    void aLargeFileAnswers202AndIsIndexedInTheBackgroundWithProgress() throws InterruptedException {
        String carol = key("carol", "user");

        ExtractableResponse<Response> answer = upload(carol, "minutes.txt", paragraphs("harbour fees", 12),
                "{\"data_type\": \"text/plain\"}");

        assertEquals(202, answer.statusCode(), answer.asString());
        assertEquals("indexing", answer.path("status"));
        String documentId = answer.path("document_id");
        String fileId = answer.path("file_id");
        int chunks = answer.path("chunks");
        assertTrue(chunks > 4, "more than gateway.documents.sync-max-chunks: " + chunks);
        assertEquals("/api/v1/documents/" + documentId, answer.header("Location"));

        JsonObject document = awaitStatus(carol, documentId, "ready");
        assertEquals(chunks, document.getInteger("chunks_indexed"));
        assertEquals(chunks, index.of("carol", fileId).size());
        // Progress was recorded after every batch of 2 (gateway.documents.index-batch), as carol.
        List<Integer> progress = records.patches.stream().filter(p -> p.documentId().equals(documentId))
                .map(p -> p.body().getInteger("chunks_indexed")).filter(n -> n != null && n > 0).toList();
        assertEquals((chunks + 1) / 2, progress.size(), progress.toString());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1), progress.toString());
        }
        assertTrue(records.patches.stream().filter(p -> p.documentId().equals(documentId))
                .allMatch(p -> p.caller().equals("carol")));
        assertTrue(index.indexCalls.stream().filter(c -> c.sourceFileId().equals(fileId))
                .allMatch(c -> c.chunks() <= 2 && c.caller().equals("carol")));
    }

    @Test
    void theSameBytesAgainAnswer200WithTheExistingDocument() {
        String dan = key("dan", "user");
        byte[] text = "Dan's only note: the boiler is serviced in March.".getBytes(StandardCharsets.UTF_8);
        ExtractableResponse<Response> first = upload(dan, "boiler.txt", text, "{\"data_type\": \"text\"}");
        assertEquals(201, first.statusCode(), first.asString());
        int calls = index.indexCalls.size();

        ExtractableResponse<Response> again = upload(dan, "boiler.txt", text, "{\"data_type\": \"text\"}");

        assertEquals(200, again.statusCode(), again.asString());
        assertEquals((String) first.path("document_id"), again.path("document_id"));
        assertEquals((String) first.path("file_id"), again.path("file_id"));
        assertEquals("ready", again.path("status"));
        assertEquals(calls, index.indexCalls.size(), "a ready document is not indexed again");
    }

    @Test
    void aFailedIndexingIsReportedAndTheSameUploadAgainIndexesIt() {
        String max = key("max", "user");
        byte[] text = "Max's bicycle lock code changes every spring.".getBytes(StandardCharsets.UTF_8);
        index.failIndexing = true;
        ExtractableResponse<Response> failed;
        try {
            failed = upload(max, "lock.txt", text, "{\"data_type\": \"text\"}");
        } finally {
            index.failIndexing = false;
        }
        assertEquals(503, failed.statusCode(), failed.asString());
        assertEquals("urn:ai-data-suite:problem:retrieval-service-unavailable", failed.path("type"));
        JsonObject document = records.documents.values().stream()
                .filter(d -> d.getString("owner").equals("max")).findFirst().orElseThrow();
        assertEquals("failed", document.getString("status"));
        assertTrue(document.getString("error").contains("Upload the file again"), document.encode());

        ExtractableResponse<Response> again = upload(max, "lock.txt", text, "{\"data_type\": \"text\"}");

        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(document.getString("id"), again.path("document_id"));
        assertEquals("ready", again.path("status"));
        assertEquals(1, index.of("max", again.path("file_id")).size());
        Gateway.withKey(max).get("/api/v1/documents/" + document.getString("id")).then().statusCode(200)
                .body("status", equalTo("ready")).body("error", nullValue());
    }

    @Test
    void csvChunksRepeatTheHeaderLine() {
        String erin = key("erin", "user");
        StringBuilder csv = new StringBuilder("city,country,population\n");
        for (int i = 0; i < 40; i++) {
            csv.append("Town").append(i).append(",Norway,").append(1000 + i).append('\n');
        }

        ExtractableResponse<Response> answer = upload(erin, "towns.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                "{\"data_type\": \"text/csv\"}");

        assertTrue(answer.statusCode() == 201 || answer.statusCode() == 202, answer.asString());
        String documentId = answer.path("document_id");
        awaitStatus(erin, documentId, "ready");
        List<FakeRetrievalIndex.Chunk> chunks = index.of("erin", answer.path("file_id"));
        assertTrue(chunks.size() > 1, "several chunks: " + chunks.size());
        for (FakeRetrievalIndex.Chunk chunk : chunks) {
            assertTrue(chunk.text().startsWith("city,country,population\nTown"), chunk.text());
        }
        assertTrue(chunks.stream().anyMatch(c -> c.text().contains("Town39,Norway,1039")));
    }

    @Test
    void anImageIsIndexedAsOneChunkOfItsFactsAndName() {
        String fay = key("fay", "user");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

        ExtractableResponse<Response> answer = upload(fay, "harbour-map.png", png, "{\"data_type\": \"image\"}");

        assertEquals(201, answer.statusCode(), answer.asString());
        assertEquals(1, (int) answer.path("chunks"));
        assertTrue(index.of("fay", answer.path("file_id")).get(0).text().contains("harbour-map.png"));
    }

    @Test
    void aFileWithoutTextIsReadyWithNoChunksAndSaysSo() {
        ExtractableResponse<Response> answer = upload(key("gus", "user"), "blank.txt",
                "   \n\n  ".getBytes(StandardCharsets.UTF_8), "{\"data_type\": \"text\"}");

        assertEquals(201, answer.statusCode(), answer.asString());
        assertEquals(0, (int) answer.path("chunks"));
        assertEquals("ready", answer.path("status"));
        assertTrue(((String) answer.path("note")).contains("no text"));
    }

    @Test
    void ingestRefusalsPassThroughUnchanged() {
        String hal = key("hal", "user");
        // 415: content ingest cannot recognise
        ExtractableResponse<Response> binary = upload(hal, "blob.bin", new byte[] {1, 0, 2, 0, 3},
                "{\"data_type\": \"text\"}");
        assertEquals(415, binary.statusCode());
        assertEquals("urn:ai-data-suite:problem:unsupported-media-type", binary.path("type"));
        // 403: user_id names another user
        ExtractableResponse<Response> other = upload(hal, "note.txt", "x y z".getBytes(StandardCharsets.UTF_8),
                "{\"data_type\": \"text\", \"user_id\": \"ivy\"}");
        assertEquals(403, other.statusCode());
        assertTrue(((String) other.path("detail")).contains("names another user"));
        // 400: bad metadata, bad data_type, no file
        assertEquals(400, upload(hal, "note.txt", "abc".getBytes(StandardCharsets.UTF_8), "not json").statusCode());
        ExtractableResponse<Response> badType = upload(hal, "note.txt", "abc".getBytes(StandardCharsets.UTF_8),
                "{\"data_type\": \"../etc\"}");
        assertEquals(400, badType.statusCode());
        assertTrue(((String) badType.path("detail")).contains("data_type"));
        assertEquals(400, Gateway.withKey(hal).multiPart("metadata", "{\"data_type\": \"text\"}", "application/json")
                .post("/api/upload").then().extract().statusCode());
        // 413 from ingest's own file limit
        long limit = files.maxFileBytes;
        files.maxFileBytes = 10;
        try {
            ExtractableResponse<Response> big = upload(hal, "big.txt", "more than ten bytes".getBytes(
                    StandardCharsets.UTF_8), "{\"data_type\": \"text\"}");
            assertEquals(413, big.statusCode());
            assertTrue(((String) big.path("detail")).contains("ingest.max-file-size"));
        } finally {
            files.maxFileBytes = limit;
        }
        assertFalse(files.files.values().stream().anyMatch(f -> f.owner().equals("hal")), "nothing stored");
        assertTrue(records.documents.values().stream().noneMatch(d -> d.getString("owner").equals("hal")));
    }

    @Test
    void theGatewaysBodyLimitAndKeyApplyBeforeIngestSeesAnything() {
        String answer = RawHttp.exchange("POST /api/upload HTTP/1.1\r\nX-Api-Key: " + key("jon", "user")
                + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (3 * 1024 * 1024));
        assertEquals(413, RawHttp.status(answer), answer);
        assertTrue(answer.contains("gateway.limits.max-body-size"), answer);

        io.restassured.RestAssured.given().multiPart("file", "a.txt", "abc".getBytes(StandardCharsets.UTF_8))
                .post("/api/upload").then().statusCode(401)
                .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"));
        assertFalse(files.uploaders.contains("jon"));
    }

    @Test
    void anAdminMayUploadForAUserWhoThenOwnsTheDocument() {
        ExtractableResponse<Response> answer = upload(Gateway.ADMIN_KEY, "for-kim.txt",
                "Kim's parking permit expires in May.".getBytes(StandardCharsets.UTF_8),
                "{\"data_type\": \"text\", \"user_id\": \"kim\"}");

        assertEquals(201, answer.statusCode(), answer.asString());
        assertEquals(1, index.of("kim", answer.path("file_id")).size());
        Gateway.withKey(key("kim", "user")).get("/api/v1/documents/" + answer.path("document_id")).then()
                .statusCode(200).body("owner", equalTo("kim"));
    }

    @Test
    void aDocumentLeftIndexingByAStoppedGatewayIsResumed() {
        FakeIngestFiles.StoredFile file = files.put("lou", "orphan.txt",
                new String(paragraphs("orphans", 3), StandardCharsets.UTF_8));
        JsonObject stale = records.put("lou", file.id(), "orphan.txt", "indexing",
                Instant.now().minus(Duration.ofHours(1)));
        JsonObject fresh = records.put("lou", files.put("lou", "busy.txt", "still going").id(), "busy.txt",
                "indexing", Instant.now());

        assertEquals(1, recovery.recover());

        JsonObject resumed = records.documents.get(stale.getString("id"));
        assertEquals("ready", resumed.getString("status"));
        assertTrue(resumed.getInteger("chunks") > 0);
        assertEquals(resumed.getInteger("chunks"), index.of("lou", file.id()).size());
        assertEquals("indexing", records.documents.get(fresh.getString("id")).getString("status"),
                "a recently updated document is left to whoever is indexing it");
        records.documents.remove(fresh.getString("id"));
    }

    /** Polls the document (as its owner) until it has {@code status}; fails after 20 s. */
    static JsonObject awaitStatus(String key, String documentId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            ExtractableResponse<Response> document = Gateway.withKey(key).get("/api/v1/documents/" + documentId)
                    .then().statusCode(200).body("error", status.equals("failed") ? containsString("") : nullValue())
                    .extract();
            if (status.equals(document.path("status"))) {
                return new JsonObject(document.asString());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("document " + documentId + " did not become " + status + ": "
                        + document.asString());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
