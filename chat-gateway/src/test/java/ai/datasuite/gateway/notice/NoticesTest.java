package ai.datasuite.gateway.notice;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import ai.datasuite.gateway.document.DocumentFakes;
import ai.datasuite.gateway.document.DocumentsProfile;
import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeMetadataRecords;
import ai.datasuite.gateway.support.FakeRetrievalIndex;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;

/** The notice board: admins post and delete, every user reads; a notice is searchable by everyone while it exists. */
@QuarkusTest
@TestProfile(DocumentsProfile.class)
class NoticesTest {

    @InjectFakes
    FakeServices fakes;

    private FakeRetrievalIndex index;
    private FakeMetadataRecords records;

    @BeforeEach
    void plug() {
        DocumentFakes plugged = DocumentFakes.plug(fakes);
        index = plugged.index();
        records = plugged.records();
    }

    private String key(String user) {
        String key = ApiKeys.generate();
        fakes.keys.seed(key, user, "user");
        return key;
    }

    private static ExtractableResponse<Response> post(String key, String title, String body) {
        return Gateway.withKey(key).contentType("application/json")
                .body("{\"title\": \"" + title + "\", \"body\": \"" + body + "\"}").post("/api/v1/notices")
                .then().extract();
    }

    private static ExtractableResponse<Response> search(String key, String query) {
        return Gateway.withKey(key).contentType("application/json").body("{\"query\": \"" + query + "\"}")
                .post("/api/v1/documents/search").then().statusCode(200).extract();
    }

    @Test
    void aPostedNoticeIsReadableAndSearchableByEveryUserUntilItIsDeleted() {
        ExtractableResponse<Response> posted = post(Gateway.ADMIN_KEY, "Swimming pool",
                "The swimming pool reopens on Monday with longer evening hours.");
        assertEquals(201, posted.statusCode(), posted.asString());
        String id = posted.path("id");
        assertEquals("/api/v1/notices/" + id, posted.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals("admin", posted.path("author"));
        assertFalse(index.of(FakeRetrievalIndex.PUBLIC, "notice:" + id).isEmpty());
        assertTrue(index.of(FakeRetrievalIndex.PUBLIC, "notice:" + id).get(0).text().startsWith("Swimming pool"));

        String ada = key("ada");
        Gateway.withKey(ada).get("/api/v1/notices").then().statusCode(200).body("items.id", hasItem(id));
        Gateway.withKey(ada).get("/api/v1/notices/" + id).then().statusCode(200)
                .body("title", equalTo("Swimming pool"));
        for (String user : new String[] {"ada", "ben"}) {
            ExtractableResponse<Response> found = search(key(user), "When does the swimming pool reopen?");
            assertTrue(found.jsonPath().getList("results.source_file_id").contains("notice:" + id), found.asString());
        }

        Gateway.withKey(ada).delete("/api/v1/notices/" + id).then().statusCode(403)
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"));
        Gateway.asAdmin().delete("/api/v1/notices/" + id).then().statusCode(204);

        assertTrue(index.of(FakeRetrievalIndex.PUBLIC, "notice:" + id).isEmpty());
        assertFalse(records.notices.containsKey(id));
        assertFalse(search(ada, "swimming pool reopen").jsonPath().getList("results.source_file_id")
                .contains("notice:" + id));
        Gateway.withKey(ada).get("/api/v1/notices/" + id).then().statusCode(404);
        Gateway.asAdmin().delete("/api/v1/notices/" + id).then().statusCode(404);
    }

    @Test
    void onlyAdminsPostAndBadNoticesAreRefusedBeforeAnythingIsStored() {
        int before = records.notices.size();
        ExtractableResponse<Response> byUser = post(key("cyd"), "Party", "Tonight.");
        assertEquals(403, byUser.statusCode());
        assertTrue(((String) byUser.path("detail")).contains("admin"));
        ExtractableResponse<Response> noTitle = post(Gateway.ADMIN_KEY, " ", "A body.");
        assertEquals(400, noTitle.statusCode());
        assertEquals("title", noTitle.path("errors[0].field"));
        assertEquals(400, post(Gateway.ADMIN_KEY, "t".repeat(201), "A body.").statusCode());
        assertEquals(400, post(Gateway.ADMIN_KEY, "Title", "").statusCode());
        assertEquals(before, records.notices.size());
    }

    @Test
    void aNoticeThatCannotBeIndexedIsNotKept() {
        int before = records.notices.size();
        index.failIndexing = true;
        try {
            ExtractableResponse<Response> failed = post(Gateway.ADMIN_KEY, "Heating", "The heating is off on Friday.");
            assertEquals(503, failed.statusCode(), failed.asString());
            assertEquals("urn:ai-data-suite:problem:retrieval-service-unavailable", failed.path("type"));
            assertTrue(failed.contentType().startsWith("application/problem+json"));
            assertTrue(((String) failed.path("detail")).contains("retrieval-service"), failed.asString());
        } finally {
            index.failIndexing = false;
        }
        assertEquals(before, records.notices.size(), "no notice exists that chat cannot cite");
    }

    @Test
    void noticesAreListedNewestFirst() {
        String older = post(Gateway.ADMIN_KEY, "Older", "Posted first.").path("id");
        String newer = post(Gateway.ADMIN_KEY, "Newer", "Posted second.").path("id");
        Gateway.withKey(key("dee")).queryParam("size", 2).get("/api/v1/notices").then().statusCode(200)
                .body("items.id", contains(newer, older)).body("size", equalTo(2));
        Gateway.withKey(key("dee")).queryParam("size", 0).get("/api/v1/notices").then().statusCode(400)
                .body("detail", containsString("size"));
    }
}
