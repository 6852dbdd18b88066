package ai.datasuite.metadata.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The OpenAPI document names every property as the JSON on the wire does (snake_case), and the list answers have a
 * schema: each answer's keys are exactly the properties of the schema the document gives for it.
 */
@QuarkusTest
class DocumentedNamesTest {

    @Test
    void answersCarryExactlyTheDocumentedProperties() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        String p = TestData.prefix();

        Map<String, Object> file = TestData.newFile(p, p + ".csv");
        file.put("details", Map.of("rows", 3));
        assertTrue(properties(doc, "FileCreate").containsAll(file.keySet()), "the create body ingest sends");
        String fileId = TestData.store(file);
        assertAnswer(doc, "File", given().get("/api/v1/files/{id}", fileId));
        JsonPath files = given().queryParam("owner_id", p).get("/api/v1/files").then().statusCode(200)
                .extract().jsonPath();
        assertPage(doc, "/api/v1/files", "FilePage", "File", files);

        Map<String, Object> dataset = Map.of("id", UUID.randomUUID().toString(), "name", p, "file_id", fileId,
                "rows", 3, "distinct_contexts", 1, "columns", List.of("context", "question", "answer"), "owner", p);
        assertEquals(201, given().contentType(ContentType.JSON).body(dataset).post("/api/v1/datasets").statusCode());
        assertAnswer(doc, "Dataset", given().get("/api/v1/datasets/{id}", dataset.get("id")));
        JsonPath datasets = given().queryParam("owner", p).get("/api/v1/datasets").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("array", doc.getString(content("/api/v1/datasets") + ".schema.type"));
        assertEquals("#/components/schemas/Dataset", doc.getString(content("/api/v1/datasets") + ".schema.items.'$ref'"));
        assertEquals(properties(doc, "Dataset"), keys(datasets.getMap("[0]")));

        given().contentType(ContentType.JSON).body(Map.of("username", p, "comment", "so glad",
                        "prediction", Map.of("label", "joy", "score", 0.9, "model_version", "v1")))
                .post("/api/v1/comments").then().statusCode(201);
        JsonPath comments = given().queryParam("user", p).get("/api/v1/comments").then().statusCode(200)
                .extract().jsonPath();
        assertPage(doc, "/api/v1/comments", "CommentPage", "Comment", comments);
        assertAnswer(doc, "CommentStats", given().get("/api/v1/comments/stats"));

        given().contentType(TestData.JSONL).body(TestData.utf8(TestData.fixture("gaia-sample.jsonl", p)))
                .post("/api/v1/tasks/import").then().statusCode(200);
        assertAnswer(doc, "TaskWithFiles", given().get("/api/v1/tasks/{id}", p + "-t1"));
        JsonPath tasks = given().get("/api/v1/tasks").then().statusCode(200).extract().jsonPath();
        assertPage(doc, "/api/v1/tasks", "TaskPage", "Task", tasks);

        Map<String, Object> key = Map.of("key_hash", TestData.sha256(p + "-key"), "key_prefix", "sk_" + p.substring(1, 7),
                "user_id", p, "role", "user");
        assertEquals(properties(doc, "KeyCreate"), keys(key), "the create body the gateway sends");
        String keyId = given().contentType(ContentType.JSON).body(key).post("/api/v1/keys").then().statusCode(201)
                .extract().path("id");
        assertAnswer(doc, "ApiKey", given().get("/api/v1/keys/{id}", keyId));
        assertAnswer(doc, "ApiKey", TestIdentity.as("chat-gateway", Roles.SERVICE)
                .get("/api/v1/keys/lookup/{hash}", key.get("key_hash")));
        JsonPath keyPage = given().queryParam("user_id", p).get("/api/v1/keys").then().statusCode(200)
                .extract().jsonPath();
        assertPage(doc, "/api/v1/keys", "KeyPage", "ApiKey", keyPage);

        Map<String, Object> notice = Map.of("title", p, "body", "notice " + p);
        assertEquals(properties(doc, "NoticeCreate"), keys(notice), "the create body the gateway sends");
        String noticeId = given().contentType(ContentType.JSON).body(notice).post("/api/v1/notices").then()
                .statusCode(201).extract().path("id");
        assertAnswer(doc, "Notice", given().get("/api/v1/notices/{id}", noticeId));
        assertPage(doc, "/api/v1/notices", "NoticePage", "Notice",
                given().get("/api/v1/notices").then().statusCode(200).extract().jsonPath());

        Map<String, Object> conversation = Map.of("title", p, "owner", p);
        assertEquals(properties(doc, "ConversationCreate"), keys(conversation), "the create body");
        String conversationId = given().contentType(ContentType.JSON).body(conversation).post("/api/v1/conversations")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> message = Map.of("role", "assistant", "content", "an answer",
                "citations", List.of(Map.of("row", 1)));
        assertEquals(properties(doc, "MessageCreate"), keys(message), "the message body the gateway sends");
        io.restassured.response.Response appended = given().contentType(ContentType.JSON).body(message)
                .post("/api/v1/conversations/{id}/messages", conversationId);
        assertEquals(201, appended.statusCode(), appended::asString);
        assertEquals(properties(doc, "Message"), keys(appended.jsonPath().getMap("$")), "Message");
        JsonPath detail = given().get("/api/v1/conversations/{id}", conversationId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(properties(doc, "ConversationWithMessages"), keys(detail.getMap("$")), "ConversationWithMessages");
        assertEquals(properties(doc, "Message"), keys(detail.getMap("messages[0]")), "messages[0]");
        assertPage(doc, "/api/v1/conversations", "ConversationPage", "Conversation",
                given().queryParam("owner", p).get("/api/v1/conversations").then().statusCode(200).extract().jsonPath());

        int answerId = appended.path("id");
        given().contentType(ContentType.JSON).body(Map.of("rating", 1))
                .put("/api/v1/conversations/{id}/messages/{m}/rating", conversationId, answerId).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("role", "user", "content", "a question"))
                .post("/api/v1/conversations/{id}/messages", conversationId).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("role", "assistant", "content", "an answer"))
                .post("/api/v1/conversations/{id}/messages", conversationId).then().statusCode(201);
        int rated = given().get("/api/v1/conversations/{id}", conversationId).then().extract().path("messages[2].id");
        given().contentType(ContentType.JSON).body(Map.of("rating", 1))
                .put("/api/v1/conversations/{id}/messages/{m}/rating", conversationId, rated).then().statusCode(200);
        assertPage(doc, "/api/v1/conversations/rated", "RatedTurnPage", "RatedTurn",
                given().queryParam("owner", p).get("/api/v1/conversations/rated").then().statusCode(200)
                        .extract().jsonPath());

        Map<String, Object> document = Map.of("file_id", UUID.randomUUID().toString(), "name", "a.txt",
                "data_type", "text/plain", "owner", p);
        assertEquals(properties(doc, "DocumentCreate"), keys(document), "the create body the gateway sends");
        String documentId = given().contentType(ContentType.JSON).body(document).post("/api/v1/documents").then()
                .statusCode(201).extract().path("id");
        Map<String, Object> documentPatch = Map.of("status", "ready", "chunks", 1, "chunks_indexed", 1, "error", "");
        assertEquals(properties(doc, "DocumentPatch"), keys(documentPatch), "the patch body");
        assertAnswer(doc, "Document", given().contentType(ContentType.JSON).body(documentPatch)
                .patch("/api/v1/documents/{id}", documentId));
        assertAnswer(doc, "Document", given().get("/api/v1/documents/{id}", documentId));
        assertPage(doc, "/api/v1/documents", "DocumentPage", "Document",
                given().queryParam("owner", p).get("/api/v1/documents").then().statusCode(200).extract().jsonPath());

        Map<String, Object> job = Map.of("epochs", 5, "learning_rate", 0.001, "base_model", "base", "owner", p);
        assertEquals(properties(doc, "FineTuneJobCreate"), keys(job), "the create body the gateway sends");
        String jobId = given().contentType(ContentType.JSON).body(job).post("/api/v1/fine-tune-jobs").then()
                .statusCode(201).extract().path("id");
        Map<String, Object> jobPatch = Map.of("status", "succeeded", "progress", 1, "training_file_id",
                UUID.randomUUID().toString(), "examples", 10, "provider_file_id", "file-1", "provider_job_id", "job-1",
                "fine_tuned_model", "ft:" + p, "message", "done");
        assertEquals(properties(doc, "FineTuneJobPatch"), keys(jobPatch), "the patch body");
        io.restassured.response.Response patched = given().contentType(ContentType.JSON).body(jobPatch)
                .patch("/api/v1/fine-tune-jobs/{id}", jobId);
        assertAnswer(doc, "FineTuneJob", patched);
        assertEquals(properties(doc, "FineTuneParameters"), keys(patched.jsonPath().getMap("parameters")));
        assertAnswer(doc, "FineTuneJob", given().get("/api/v1/fine-tune-jobs/{id}", jobId));
        assertPage(doc, "/api/v1/fine-tune-jobs", "FineTuneJobPage", "FineTuneJob",
                given().queryParam("owner", p).get("/api/v1/fine-tune-jobs").then().statusCode(200).extract().jsonPath());
        assertAnswer(doc, "FineTunedModel", given().queryParam("owner", p).get("/api/v1/fine-tune-jobs/model"));
    }

    private static void assertPage(JsonPath doc, String path, String page, String item, JsonPath answer) {
        assertEquals("#/components/schemas/" + page, doc.getString(content(path) + ".schema.'$ref'"), path);
        assertEquals(properties(doc, page), keys(answer.getMap("$")), page);
        assertEquals("#/components/schemas/" + item,
                doc.getString("components.schemas." + page + ".properties.items.items.'$ref'"), page + ".items");
        assertEquals(properties(doc, item), keys(answer.getMap("items[0]")), item);
    }

    private static void assertAnswer(JsonPath doc, String schema, io.restassured.response.Response answer) {
        assertEquals(200, answer.statusCode(), answer::asString);
        assertEquals(properties(doc, schema), keys(answer.jsonPath().getMap("$")), schema);
    }

    private static String content(String path) {
        return "paths.'" + path + "'.get.responses.'200'.content.'application/json'";
    }

    private static Set<String> properties(JsonPath doc, String schema) {
        Map<String, Object> properties = doc.getMap("components.schemas." + schema + ".properties");
        assertTrue(properties != null && !properties.isEmpty(), schema + " has properties");
        return keys(properties);
    }

    private static Set<String> keys(Map<String, ?> map) {
        assertTrue(map != null, "an object");
        return new TreeSet<>(map.keySet());
    }
}
