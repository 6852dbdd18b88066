package ai.datasuite.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The RAG chat as the notice-board app uses it, end to end over the real services on embedded defaults (no LLM, so
 * answers are extractive): a document uploaded through {@code POST /api/upload}, chunked and indexed; chat answers from
 * it with citations, plain and streamed, remembered in a conversation; a notice an admin posts is cited in every
 * user's chat; a fine-tune ends {@code exported} with its training file; and another user reaches none of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RagChatSystemTest {

    static final String ADMIN_KEY = "ads_admin_" + UUID.randomUUID().toString().replace("-", "");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ALICE = "alice-" + RUN;
    static final String BOB = "bob-" + RUN;
    static final String RIVERS = """
            The Vistula is the longest river in Poland, at 1,047 kilometres.

            It rises in the Silesian Beskids and flows through Krakow and Warsaw to the Baltic Sea near Gdansk.

            The river's basin covers more than half of the country's area.
            """;

    static RunningSuite suite;
    static String gateway;
    static String aliceKey;
    static String bobKey;
    static String fileId;
    static String documentId;
    static String conversationId;

    @BeforeAll
    static void start() throws Exception {
        suite = new RunningSuite();
        gateway = suite.startFront(ADMIN_KEY, 16, List.of()).gateway();
        aliceKey = key(ALICE);
        bobKey = key(BOB);
    }

    @AfterAll
    static void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    static RequestSpecification as(String key) {
        return given().baseUri(gateway).header("X-Api-Key", key);
    }

    static String key(String user) {
        return as(ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("user_id", user, "role", "user"))
                .post("/api/v1/keys").then().statusCode(201).extract().path("key");
    }

    static JsonPath upload(String key, String name, String text, String metadata) {
        return as(key).multiPart("file", name, text.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("metadata", metadata, "application/json")
                .post("/api/upload").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath chat(String key, Map<String, Object> body) {
        return as(key).contentType(ContentType.JSON).body(body).post("/api/chat").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    @Order(1)
    void anUploadedDocumentIsChunkedAndIndexed() {
        JsonPath uploaded = upload(aliceKey, "vistula.txt", RIVERS,
                "{\"user_id\":\"" + ALICE + "\",\"data_type\":\"text\"}");
        fileId = uploaded.getString("file_id");
        documentId = uploaded.getString("document_id");
        assertEquals("ready", uploaded.getString("status"));
        assertTrue(uploaded.getInt("chunks") >= 1, "chunks: " + uploaded.getInt("chunks"));

        as(aliceKey).get("/api/v1/documents").then().statusCode(200).body("items.id", hasItem(documentId));
        as(aliceKey).get("/api/v1/documents/{id}", documentId).then().statusCode(200)
                .body("status", equalTo("ready")).body("file_id", equalTo(fileId));
        // The seed's data_type values and MIME-like ones; a table is indexed row by row with its header.
        JsonPath table = upload(aliceKey, "towns.csv", "town,river\nTorun,Vistula\nWroclaw,Oder\n",
                "{\"data_type\":\"text/csv\"}");
        assertTrue(table.getInt("chunks") >= 1);
        // Someone else's name in user_id is refused before anything is stored.
        as(bobKey).multiPart("file", "x.txt", "mine".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("metadata", "{\"user_id\":\"" + ALICE + "\",\"data_type\":\"text\"}", "application/json")
                .post("/api/upload").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @Order(2)
    void chatAnswersFromTheDocumentWithCitations() {
        JsonPath answer = chat(aliceKey, Map.of("user_id", ALICE, "query", "Which river flows through Warsaw?"));
        assertEquals("extractive", answer.getString("mode"));
        assertTrue(answer.getString("answer").contains("Warsaw"), answer.getString("answer"));
        assertEquals(fileId, answer.getString("citations[0].file_id"));
        assertEquals(documentId, answer.getString("citations[0].document_id"));
        assertEquals("document", answer.getString("citations[0].source"));
        assertTrue(answer.getString("note").contains("SUITE_LLM_BASE_URL"), answer.getString("note"));
        conversationId = answer.getString("conversation_id");

        // The same conversation goes on, and remembers both turns.
        chat(aliceKey, Map.of("query", "How long is the Vistula?", "conversation_id", conversationId));
        as(aliceKey).get("/api/v1/conversations/{id}", conversationId).then().statusCode(200)
                .body("message_count", equalTo(4))
                .body("messages.content", hasItem("How long is the Vistula?"));
    }

    @Test
    @Order(3)
    void aStreamedAnswerSendsTokensThenCitationsThenDone() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/chat"))
                .header("X-Api-Key", aliceKey).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\": \"Where does the Vistula rise?\", \"stream\": true}")).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> events = new ArrayList<>();
        StringBuilder tokens = new StringBuilder();
        String citations = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                    events.add(event);
                } else if (line.startsWith("data:") && "token".equals(event)) {
                    tokens.append(JsonPath.from(line.substring(5)).getString("text"));
                } else if (line.startsWith("data:") && "citations".equals(event)) {
                    citations = line.substring(5);
                }
            }
        }
        assertEquals("token", events.get(0), "events: " + events);
        assertEquals(List.of("citations", "done"), events.subList(events.size() - 2, events.size()));
        assertTrue(tokens.toString().contains("Silesian Beskids"), tokens.toString());
        assertTrue(citations.contains(fileId), citations);
    }

    @Test
    @Order(4)
    void anotherUserReachesNoneOfIt() {
        JsonPath answer = chat(bobKey, Map.of("query", "Which river flows through Warsaw?"));
        assertTrue(answer.getList("citations.file_id").stream().noneMatch(fileId::equals),
                "Bob's chat cited Alice's file: " + answer.prettify());
        as(bobKey).get("/api/v1/documents").then().statusCode(200).body("items.id", not(hasItem(documentId)));
        as(bobKey).get("/api/v1/documents/{id}", documentId).then().statusCode(404);
        as(bobKey).delete("/api/v1/documents/{id}", documentId).then().statusCode(404);
        as(bobKey).get("/api/v1/conversations/{id}", conversationId).then().statusCode(404);
        as(bobKey).contentType(ContentType.JSON).body(Map.of("query", "Hello?", "conversation_id", conversationId))
                .post("/api/chat").then().statusCode(404);
        as(bobKey).contentType(ContentType.JSON).body(Map.of("user_id", ALICE, "query", "Which river?"))
                .post("/api/chat").then().statusCode(403).contentType("application/problem+json");
        as(aliceKey).get("/api/v1/documents/{id}", documentId).then().statusCode(200);
    }

    @Test
    @Order(5)
    void aNoticeIsCitedInEveryUsersChat() {
        as(bobKey).contentType(ContentType.JSON).body(Map.of("title", "Pool", "body", "Closed."))
                .post("/api/v1/notices").then().statusCode(403);
        String notice = as(ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("title", "Swimming pool closed",
                        "body", "The swimming pool closes on Friday for its yearly cleaning and reopens on Monday."))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id");
        as(bobKey).get("/api/v1/notices").then().statusCode(200).body("items.id", hasItem(notice));

        for (String key : List.of(aliceKey, bobKey)) {
            JsonPath answer = chat(key, Map.of("query", "When does the swimming pool close?"));
            assertEquals("notice", answer.getString("citations[0].source"), answer.prettify());
            assertEquals(notice, answer.getString("citations[0].notice_id"));
            assertTrue(answer.getString("answer").contains("Friday"), answer.getString("answer"));
        }
        as(ADMIN_KEY).delete("/api/v1/notices/{id}", notice).then().statusCode(204);
        JsonPath after = chat(bobKey, Map.of("query", "When does the swimming pool close?"));
        assertTrue(after.getList("citations.source").stream().noneMatch("notice"::equals), after.prettify());
    }

    @Test
    @Order(6)
    void aFineTuneWithoutAnLlmEndsExportedWithItsTrainingFile() throws Exception {
        StringBuilder csv = new StringBuilder("question,context,answer\n");
        for (int i = 1; i <= 12; i++) {
            csv.append("What is on shelf ").append(i).append("?,Shelf ").append(i).append(" holds box ").append(i * 7)
                    .append(".,box ").append(i * 7).append('\n');
        }
        as(aliceKey).multiPart("file", "shelves.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("name", "shelves-" + RUN).post("/api/v1/datasets").then().statusCode(201);

        as(aliceKey).contentType(ContentType.JSON)
                .body(Map.of("user_id", ALICE, "parameters", Map.of("epochs", 0, "learning_rate", 0.001)))
                .post("/api/fine-tune").then().statusCode(400).body("detail", containsString("epochs"));
        String job = as(aliceKey).contentType(ContentType.JSON)
                .body(Map.of("user_id", ALICE, "parameters", Map.of("epochs", 5, "learning_rate", 0.001)))
                .post("/api/fine-tune").then().statusCode(202).body("job_id", notNullValue())
                .extract().path("job_id");
        String status = null;
        for (int i = 0; i < 120 && !"exported".equals(status) && !"failed".equals(status); i++) {
            Thread.sleep(250);
            status = as(aliceKey).get("/api/fine-tune/{id}", job).then().statusCode(200).extract().path("status");
        }
        JsonPath done = as(aliceKey).get("/api/fine-tune/{id}", job).then().statusCode(200)
                .body("status", equalTo("exported"))
                .body("examples", greaterThanOrEqualTo(12))
                .body("parameters.epochs", equalTo(5))
                .extract().jsonPath();
        String trainingFile = done.getString("training_file_id");
        String jsonl = as(aliceKey).get("/api/v1/files/{id}/content", trainingFile).then().statusCode(200)
                .extract().asString();
        assertTrue(jsonl.contains("box 77"), "the training set holds Alice's Q&A pairs");
        as(bobKey).get("/api/fine-tune/{id}", job).then().statusCode(404);
        as(bobKey).get("/api/fine-tune").then().statusCode(200).body("items.job_id", not(hasItem(job)));
    }

    @Test
    @Order(7)
    void aDeletedDocumentIsGoneEverywhere() {
        as(aliceKey).delete("/api/v1/documents/{id}", documentId).then().statusCode(204);
        as(aliceKey).get("/api/v1/documents/{id}", documentId).then().statusCode(404);
        as(aliceKey).get("/api/v1/files/{id}", fileId).then().statusCode(404);
        JsonPath answer = chat(aliceKey, Map.of("query", "Which river flows through Warsaw?"));
        assertTrue(answer.getList("citations.file_id").stream().noneMatch(fileId::equals), answer.prettify());
        as(aliceKey).get("/api/v1/documents").then().statusCode(200)
                .body("total", greaterThan(0)); // towns.csv is still there
    }
}
