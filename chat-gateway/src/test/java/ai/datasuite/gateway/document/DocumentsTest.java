package ai.datasuite.gateway.document;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeIngestFiles;
import ai.datasuite.gateway.support.FakeMetadataRecords;
import ai.datasuite.gateway.support.FakeRetrievalIndex;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;

/** A user's documents: list, get, delete (chunks, record, file), search; another user's are not found. */
@QuarkusTest
@TestProfile(DocumentsProfile.class)
class DocumentsTest {

    @InjectFakes
    FakeServices fakes;

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

    private String key(String user) {
        String key = ApiKeys.generate();
        fakes.keys.seed(key, user, "user");
        return key;
    }

    private static ExtractableResponse<Response> upload(String key, String name, String text) {
        ExtractableResponse<Response> answer = UploadTest.upload(key, name, text.getBytes(StandardCharsets.UTF_8),
                "{\"data_type\": \"text\"}");
        assertEquals(201, answer.statusCode(), answer.asString());
        return answer;
    }

    @Test
    void eachUserListsAndReadsOnlyTheirOwnDocumentsNewestFirst() {
        String alma = key("alma");
        String bert = key("bert");
        String first = upload(alma, "first.txt", "Alma's first note on the garden shed.").path("document_id");
        String second = upload(alma, "second.txt", "Alma's second note on the greenhouse.").path("document_id");
        String berts = upload(bert, "bert.txt", "Bert keeps his bicycle in the cellar.").path("document_id");

        Gateway.withKey(alma).get("/api/v1/documents").then().statusCode(200)
                .body("items.id", contains(second, first)).body("total", equalTo(2))
                .body("items.owner", everyItem(equalTo("alma"))).body("items[0].status", equalTo("ready"));
        Gateway.withKey(alma).queryParam("size", 1).queryParam("page", 1).get("/api/v1/documents").then()
                .statusCode(200).body("items.id", contains(first)).body("page", equalTo(1));
        Gateway.withKey(bert).get("/api/v1/documents").then().statusCode(200).body("items.id", contains(berts));

        Gateway.withKey(bert).get("/api/v1/documents/" + first).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:ai-data-suite:problem:not-found"));
        Gateway.withKey(bert).queryParam("user_id", "alma").get("/api/v1/documents").then().statusCode(403)
                .body("detail", containsString("user_id"));
        Gateway.asAdmin().queryParam("user_id", "alma").get("/api/v1/documents").then().statusCode(200)
                .body("items.id", contains(second, first));
        Gateway.asAdmin().get("/api/v1/documents").then().statusCode(200)
                .body("items.id", hasItem(berts)).body("items.id", hasItem(first));
        Gateway.withKey(alma).queryParam("size", 500).get("/api/v1/documents").then().statusCode(400);
        Gateway.withKey(alma).queryParam("status", "ready").get("/api/v1/documents").then().statusCode(200)
                .body("total", equalTo(2));
        io.restassured.RestAssured.get("/api/v1/documents").then().statusCode(401);
    }

    @Test
    void deletingRemovesTheChunksTheRecordAndTheFileAndOnlyForTheOwner() {
        String cleo = key("cleo");
        ExtractableResponse<Response> uploaded = upload(cleo, "lease.txt", "The lease of the flat ends in June.");
        String documentId = uploaded.path("document_id");
        String fileId = uploaded.path("file_id");
        assertFalse(index.of("cleo", fileId).isEmpty());

        Gateway.withKey(key("dirk")).delete("/api/v1/documents/" + documentId).then().statusCode(404);
        assertTrue(records.documents.containsKey(documentId), "another user's delete changes nothing");
        assertFalse(index.of("cleo", fileId).isEmpty());

        Gateway.withKey(cleo).delete("/api/v1/documents/" + documentId).then().statusCode(204);

        assertTrue(index.of("cleo", fileId).isEmpty(), "chunks gone");
        assertFalse(records.documents.containsKey(documentId), "record gone");
        assertFalse(files.files.containsKey(fileId), "file gone");
        Gateway.withKey(cleo).get("/api/v1/documents/" + documentId).then().statusCode(404);
        Gateway.withKey(cleo).delete("/api/v1/documents/" + documentId).then().statusCode(404);
    }

    @Test
    void searchFindsTheCallersChunksAndTheNoticesButNeverAnotherUsersChunks() {
        String edna = key("edna");
        String fritz = key("fritz");
        upload(edna, "boat.txt", "The sailing boat Marigold is moored at pier seven.");
        index.chunks.add(new FakeRetrievalIndex.Chunk(FakeRetrievalIndex.PUBLIC, "notice:n-1", 0,
                "Pier seven closes for repairs in April."));

        Gateway.withKey(edna).contentType("application/json").body("{\"query\": \"Where is Marigold moored at pier?\","
                + " \"highlights\": 1}").post("/api/v1/documents/search").then().statusCode(200)
                .body("owner", equalTo("edna"))
                .body("results.text", hasItem(containsString("Marigold")))
                .body("results.owner", hasItem("_public"))
                .body("highlights[0].text", containsString("Marigold"));
        Gateway.withKey(fritz).contentType("application/json").body("{\"query\": \"Marigold pier\"}")
                .post("/api/v1/documents/search").then().statusCode(200)
                .body("results.text", not(hasItem(containsString("Marigold"))))
                .body("results.owner", everyItem(equalTo("_public")));
        Gateway.withKey(fritz).contentType("application/json").body("{\"query\": \"Marigold pier\","
                + " \"include_public\": false}").post("/api/v1/documents/search").then().statusCode(200)
                .body("results.size()", equalTo(0));
        Gateway.withKey(fritz).contentType("application/json").body("{\"query\": \"Marigold\", \"owner\": \"edna\"}")
                .post("/api/v1/documents/search").then().statusCode(403).body("detail", containsString("owner"));
        Gateway.withKey(fritz).contentType("application/json").body("{\"query\": \" \"}")
                .post("/api/v1/documents/search").then().statusCode(400).body("errors.field", hasItem("query"));
    }

    @Test
    void theEndpointsAreDescribedInThePublicOpenApiWithExamples() {
        io.restassured.path.json.JsonPath document = io.restassured.RestAssured.given()
                .queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : new String[] {"/api/upload", "/api/v1/documents", "/api/v1/documents/{id}",
                "/api/v1/documents/search", "/api/v1/notices", "/api/v1/notices/{id}"}) {
            assertTrue(document.getMap("paths").containsKey(path), path + " in " + document.getMap("paths").keySet());
        }
        assertEquals("ready", document.getString(
                "paths.'/api/upload'.post.responses.'201'.content.'application/json'.examples.ready.value.status"));
        assertEquals("indexing", document.getString(
                "paths.'/api/upload'.post.responses.'202'.content.'application/json'.examples.indexing.value.status"));
    }
}
