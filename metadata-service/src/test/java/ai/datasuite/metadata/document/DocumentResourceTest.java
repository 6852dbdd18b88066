package ai.datasuite.metadata.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;

/**
 * The chat's documents as chat-gateway uses them (the person's identity): create once per owner and file, progress
 * through PATCH, listing, deletion, bad input naming the field, and the owner rules.
 */
@QuarkusTest
class DocumentResourceTest {

    private static final String PROBLEM = "application/problem+json";

    static RequestSpecification as(String user) {
        return TestData.viaGateway(user, Roles.USER).contentType(ContentType.JSON);
    }

    static Map<String, Object> body(String fileId, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("file_id", fileId);
        body.put("name", name);
        body.put("data_type", "text/csv");
        return body;
    }

    static String create(String user, String name) {
        return as(user).body(body(UUID.randomUUID().toString(), name)).post("/api/v1/documents").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void aDocumentIsRecordedOncePerOwnerAndFileAndProgresses() {
        String alice = TestData.prefix() + "-alice";
        String fileId = UUID.randomUUID().toString();
        io.restassured.response.Response created = as(alice).body(body(fileId.toUpperCase(), "handbook.csv"))
                .post("/api/v1/documents");
        created.then().statusCode(201).contentType(ContentType.JSON)
                .body("owner", equalTo(alice)).body("file_id", equalTo(fileId)).body("name", equalTo("handbook.csv"))
                .body("data_type", equalTo("text/csv")).body("status", equalTo("indexing"))
                .body("chunks", nullValue()).body("chunks_indexed", equalTo(0)).body("progress", nullValue())
                .body("error", nullValue());
        String id = created.path("id");
        created.then().header("Location", endsWith("/api/v1/documents/" + id));

        // The same bytes again (another name even): 200 with the one document, unchanged.
        as(alice).body(body(fileId, "copy.csv")).post("/api/v1/documents").then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("handbook.csv"));
        as(alice).get("/api/v1/documents").then().body("total", equalTo(1));

        as(alice).body(Map.of("chunks", 8)).patch("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("chunks", equalTo(8)).body("chunks_indexed", equalTo(0)).body("progress", equalTo(0.0f));
        as(alice).body(Map.of("chunks_indexed", 2)).patch("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("progress", equalTo(0.25f)).body("status", equalTo("indexing"));
        as(alice).body(Map.of("chunks_indexed", 8, "status", "ready")).patch("/api/v1/documents/{id}", id).then()
                .statusCode(200).body("progress", equalTo(1.0f)).body("status", equalTo("ready"));
        as(alice).get("/api/v1/documents/{id}", id).then().statusCode(200).body("status", equalTo("ready"))
                .body("chunks", equalTo(8)).body("chunks_indexed", equalTo(8));

        // The document of the same file id of another owner is another document.
        String bob = TestData.prefix() + "-bob";
        as(bob).body(body(fileId, "handbook.csv")).post("/api/v1/documents").then().statusCode(201)
                .body("owner", equalTo(bob));

        as(alice).delete("/api/v1/documents/{id}", id).then().statusCode(204);
        as(alice).get("/api/v1/documents/{id}", id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No document " + id));
        as(alice).delete("/api/v1/documents/{id}", id).then().statusCode(404).contentType(PROBLEM);
        // Gone, the file may be recorded afresh.
        as(alice).body(body(fileId, "handbook.csv")).post("/api/v1/documents").then().statusCode(201);
    }

    @Test
    void concurrentCreatesOfOneFileMakeOneDocument() throws Exception {
        String frank = TestData.prefix() + "-frank";
        Map<String, Object> body = body(UUID.randomUUID().toString(), "same.txt");
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<io.restassured.response.Response> create = () -> {
                    start.await();
                    return as(frank).body(body).post("/api/v1/documents");
                };
                answers.add(pool.submit(create));
            }
            start.countDown();
            int created = 0;
            List<String> ids = new ArrayList<>();
            for (Future<io.restassured.response.Response> answer : answers) {
                io.restassured.response.Response response = answer.get();
                int status = response.statusCode();
                // 409 only when the retry loses again, which one winner cannot cause.
                assertEquals(true, status == 201 || status == 200, response.asString());
                created += status == 201 ? 1 : 0;
                ids.add(response.path("id"));
            }
            assertEquals(1, created, "one create wins");
            assertEquals(1, ids.stream().distinct().count(), "every answer names the one document");
        } finally {
            pool.shutdownNow();
        }
        as(frank).get("/api/v1/documents").then().body("total", equalTo(1));
    }

    @Test
    void failingAndEmptyDocuments() {
        String carol = TestData.prefix() + "-carol";
        String failed = create(carol, "scan.pdf");
        as(carol).body(Map.of("status", "failed", "error", "The PDF has no text layer.\nTry a text PDF."))
                .patch("/api/v1/documents/{id}", failed).then().statusCode(200)
                .body("status", equalTo("failed")).body("error", equalTo("The PDF has no text layer.\nTry a text PDF."));
        as(carol).body(Map.of("status", "indexing", "error", "")).patch("/api/v1/documents/{id}", failed).then()
                .statusCode(200).body("error", nullValue()).body("status", equalTo("indexing"));

        // An empty text: nothing to index is complete.
        String empty = create(carol, "empty.txt");
        as(carol).body(Map.of("status", "ready", "chunks", 0)).patch("/api/v1/documents/{id}", empty).then()
                .statusCode(200).body("progress", equalTo(1.0f));
    }

    @Test
    void theListIsNewestFirstInPagesAndFiltersByStatus() {
        String dave = TestData.prefix() + "-dave";
        String first = create(dave, "1.txt");
        String second = create(dave, "2.txt");
        String third = create(dave, "3.txt");
        as(dave).body(Map.of("status", "ready")).patch("/api/v1/documents/{id}", second).then().statusCode(200);

        as(dave).get("/api/v1/documents").then().statusCode(200).body("items.id", contains(third, second, first))
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20));
        as(dave).queryParam("size", 2).queryParam("page", 1).get("/api/v1/documents").then().statusCode(200)
                .body("items.id", contains(first)).body("total", equalTo(3));
        as(dave).queryParam("status", "ready").get("/api/v1/documents").then().statusCode(200)
                .body("items.id", contains(second)).body("total", equalTo(1));
        as(dave).queryParam("status", "indexing").get("/api/v1/documents").then()
                .body("items.id", contains(third, first));

        as(dave).queryParam("status", "done").get("/api/v1/documents").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of indexing, ready, failed"));
        as(dave).queryParam("size", 201).get("/api/v1/documents").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("size"));
        as(dave).queryParam("page", -1).get("/api/v1/documents").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void theListFiltersByTheFilesAChatCites() {
        String erin = TestData.prefix() + "-erin";
        String fileA = UUID.randomUUID().toString();
        String fileB = UUID.randomUUID().toString();
        String a = as(erin).body(body(fileA, "a.txt")).post("/api/v1/documents").then().statusCode(201)
                .extract().path("id");
        String b = as(erin).body(body(fileB, "b.txt")).post("/api/v1/documents").then().statusCode(201)
                .extract().path("id");
        create(erin, "c.txt");
        as(erin).queryParam("file_id", fileA).queryParam("file_id", fileB).get("/api/v1/documents").then()
                .statusCode(200).body("items.id", containsInAnyOrder(a, b)).body("total", equalTo(2));
        // Another user's file ids find nothing of Erin's.
        as(TestData.prefix() + "-frank").queryParam("file_id", fileA).get("/api/v1/documents").then()
                .statusCode(200).body("total", equalTo(0));
        var tooMany = as(erin);
        for (int i = 0; i <= 50; i++) {
            tooMany = tooMany.queryParam("file_id", UUID.randomUUID().toString());
        }
        tooMany.get("/api/v1/documents").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("file_id"));
    }

    @Test
    void badInputNamesTheField() {
        String erin = TestData.prefix() + "-erin";
        String file = UUID.randomUUID().toString();
        assertInvalidCreate(erin, Map.of("name", "a.txt", "data_type", "text/plain"), "file_id");
        assertInvalidCreate(erin, Map.of("file_id", "not-a-uuid", "name", "a.txt", "data_type", "t"), "file_id");
        assertInvalidCreate(erin, Map.of("file_id", file, "data_type", "t"), "name");
        assertInvalidCreate(erin, Map.of("file_id", file, "name", "x".repeat(256), "data_type", "t"), "name");
        assertInvalidCreate(erin, Map.of("file_id", file, "name", "a\u0007b", "data_type", "t"), "name");
        assertInvalidCreate(erin, Map.of("file_id", file, "name", "a.txt"), "data_type");
        assertInvalidCreate(erin, Map.of("file_id", file, "name", "a.txt", "data_type", "x".repeat(65)), "data_type");
        assertInvalidCreate(erin, Map.of("file_id", file, "name", "a.txt", "data_type", "t", "owner", "../x"),
                "owner");
        // 255 characters are allowed (an emoji is one).
        as(erin).body(Map.of("file_id", file, "name", "\uD83D\uDE00".repeat(255), "data_type", "x".repeat(64)))
                .post("/api/v1/documents").then().statusCode(201);

        String id = create(erin, "b.txt");
        assertInvalidPatch(erin, id, Map.of("status", "done"), "status");
        assertInvalidPatch(erin, id, Map.of("chunks", -1), "chunks");
        assertInvalidPatch(erin, id, Map.of("chunks_indexed", -1), "chunks_indexed");
        assertInvalidPatch(erin, id, Map.of("chunks", 3, "chunks_indexed", 4), "chunks_indexed");
        assertInvalidPatch(erin, id, Map.of("error", "x".repeat(1001)), "error");
        as(erin).body(Map.of("chunks", 5, "chunks_indexed", 4)).patch("/api/v1/documents/{id}", id).then()
                .statusCode(200);
        // Lowering chunks below what is indexed names chunks; a later chunks_indexed over chunks names that.
        as(erin).body(Map.of("chunks", 3)).patch("/api/v1/documents/{id}", id).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("chunks"))
                .body("errors[0].message", equalTo("must be at least chunks_indexed (4)"));
        as(erin).body(Map.of("chunks_indexed", 6)).patch("/api/v1/documents/{id}", id).then().statusCode(400)
                .body("errors[0].field", equalTo("chunks_indexed"))
                .body("errors[0].message", equalTo("must be at most chunks (5)"));
        as(erin).get("/api/v1/documents/{id}", id).then().body("chunks", equalTo(5)).body("chunks_indexed", equalTo(4));
        as(erin).body(Map.of("error", "x".repeat(1000))).patch("/api/v1/documents/{id}", id).then().statusCode(200);
    }

    @Test
    void anotherUsersDocumentIsAbsentEverywhere() {
        String p = TestData.prefix();
        String alice = p + "-alice";
        String bob = p + "-bob";
        String aliceDoc = create(alice, "private.txt");
        String bobDoc = create(bob, "mine.txt");

        as(bob).get("/api/v1/documents/{id}", aliceDoc).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No document " + aliceDoc));
        as(bob).body(Map.of("status", "failed")).patch("/api/v1/documents/{id}", aliceDoc).then().statusCode(404)
                .contentType(PROBLEM);
        as(bob).delete("/api/v1/documents/{id}", aliceDoc).then().statusCode(404).contentType(PROBLEM);
        as(bob).get("/api/v1/documents").then().statusCode(200).body("items.id", contains(bobDoc));
        as(bob).queryParam("owner", alice).get("/api/v1/documents").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden")).body("detail", containsString("'owner'"));
        Map<String, Object> forAlice = body(UUID.randomUUID().toString(), "x.txt");
        forAlice.put("owner", alice);
        as(bob).body(forAlice).post("/api/v1/documents").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("'owner'"));

        // Nothing of Bob's attempts reached Alice's document.
        as(alice).get("/api/v1/documents/{id}", aliceDoc).then().statusCode(200).body("status", equalTo("indexing"));

        // An admin (or a service) records for Alice, sees everyone's, filters by owner, patches and deletes.
        given().contentType(ContentType.JSON).body(forAlice).post("/api/v1/documents").then().statusCode(201)
                .body("owner", equalTo(alice));
        given().queryParam("size", 200).get("/api/v1/documents").then().statusCode(200)
                .body("items.id", hasItems(aliceDoc, bobDoc));
        given().queryParam("owner", bob).get("/api/v1/documents").then().body("items.id", contains(bobDoc));
        given().contentType(ContentType.JSON).body(Map.of("status", "ready"))
                .patch("/api/v1/documents/{id}", bobDoc).then().statusCode(200).body("status", equalTo("ready"));
        given().delete("/api/v1/documents/{id}", bobDoc).then().statusCode(204);
        as(bob).get("/api/v1/documents").then().body("total", equalTo(0));
    }

    private static void assertInvalidCreate(String user, Map<String, Object> body, String field) {
        as(user).body(body).post("/api/v1/documents").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation")).body("errors.field", hasItem(field));
    }

    private static void assertInvalidPatch(String user, String id, Map<String, Object> body, String field) {
        as(user).body(body).patch("/api/v1/documents/{id}", id).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation")).body("errors.field", hasItem(field));
    }
}
