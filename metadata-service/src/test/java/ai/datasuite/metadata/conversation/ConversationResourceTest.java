package ai.datasuite.metadata.conversation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;

/**
 * The chat memory as chat-gateway uses it (the person's identity, signed by the gateway): conversations, the message
 * window in order, ratings, deletion with the messages, and bad input naming the field.
 */
@QuarkusTest
class ConversationResourceTest {

    private static final String PROBLEM = "application/problem+json";

    static RequestSpecification as(String user) {
        return TestData.viaGateway(user, Roles.USER).contentType(ContentType.JSON);
    }

    static String start(String user, String title) {
        Map<String, Object> body = new HashMap<>();
        if (title != null) {
            body.put("title", title);
        }
        return as(user).body(body).post("/api/v1/conversations").then().statusCode(201)
                .body("owner", equalTo(user)).extract().path("id");
    }

    static int say(String user, String conversation, String role, String content) {
        return as(user).body(Map.of("role", role, "content", content))
                .post("/api/v1/conversations/{id}/messages", conversation).then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aConversationKeepsItsMessagesInOrderWithCitationsAndRatings() {
        String alice = TestData.prefix() + "-alice";
        io.restassured.response.Response created = as(alice).body(Map.of("title", "Emotion labels"))
                .post("/api/v1/conversations");
        created.then().statusCode(201).body("title", equalTo("Emotion labels")).body("owner", equalTo(alice));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/conversations/" + id), created.header("Location"));
        Instant createdAt = Instant.parse(created.path("updated_at"));

        say(alice, id, "user", "What does the model label?");
        List<Map<String, Object>> citations = List.of(Map.of("dataset_id", "d1", "row", 17, "score", 0.5));
        int answer = as(alice).body(Map.of("role", "assistant", "content", "Six emotions.\nSee the dataset.",
                        "citations", citations))
                .post("/api/v1/conversations/{id}/messages", id).then().statusCode(201)
                .body("conversation_id", equalTo(id)).body("role", equalTo("assistant"))
                .body("citations[0].dataset_id", equalTo("d1")).body("citations[0].row", equalTo(17))
                .body("rating", nullValue())
                .extract().path("id");

        io.restassured.response.Response detail = as(alice).get("/api/v1/conversations/{id}", id);
        detail.then().statusCode(200)
                .body("message_count", equalTo(2))
                .body("messages.role", contains("user", "assistant"))
                .body("messages.content", contains("What does the model label?", "Six emotions.\nSee the dataset."))
                .body("messages[0].citations", nullValue())
                .body("messages[1].citations[0].score", equalTo(0.5f));
        assertTrue(Instant.parse(detail.path("updated_at")).isAfter(createdAt), "appending moves updated_at");

        as(alice).body(Map.of("rating", -1))
                .put("/api/v1/conversations/{id}/messages/{m}/rating", id, answer).then().statusCode(200)
                .body("id", equalTo(answer)).body("rating", equalTo(-1));
        as(alice).body(Map.of("rating", 1))
                .put("/api/v1/conversations/{id}/messages/{m}/rating", id, answer).then().statusCode(200);
        as(alice).get("/api/v1/conversations/{id}", id).then().body("messages[1].rating", equalTo(1))
                .body("messages[0].rating", nullValue());
        as(alice).body(Map.of("rating", 1))
                .put("/api/v1/conversations/{id}/messages/{m}/rating", id, 999_999_999).then().statusCode(404)
                .contentType(PROBLEM);

        as(alice).delete("/api/v1/conversations/{id}", id).then().statusCode(204);
        as(alice).get("/api/v1/conversations/{id}", id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No conversation " + id));
        as(alice).delete("/api/v1/conversations/{id}", id).then().statusCode(404);
        as(alice).body(Map.of("role", "user", "content", "still there?"))
                .post("/api/v1/conversations/{id}/messages", id).then().statusCode(404);
    }

    @Test
    void theWindowIsTheLastMessagesInOrder() {
        String bob = TestData.prefix() + "-bob";
        String id = start(bob, null);
        IntStream.rangeClosed(1, 25).forEach(i -> say(bob, id, i % 2 == 1 ? "user" : "assistant", "m" + i));

        as(bob).get("/api/v1/conversations/{id}", id).then().statusCode(200)
                .body("title", nullValue())
                .body("message_count", equalTo(25))
                .body("messages.size()", equalTo(20))
                .body("messages[0].content", equalTo("m6"))
                .body("messages[19].content", equalTo("m25"));
        List<String> lastThree = as(bob).queryParam("window", 3).get("/api/v1/conversations/{id}", id)
                .then().statusCode(200).extract().jsonPath().getList("messages.content");
        assertEquals(List.of("m23", "m24", "m25"), lastThree);
        as(bob).queryParam("window", 200).get("/api/v1/conversations/{id}", id).then().statusCode(200)
                .body("messages.size()", equalTo(25)).body("messages[0].content", equalTo("m1"));

        for (int bad : new int[] {0, -1, 201}) {
            as(bob).queryParam("window", bad).get("/api/v1/conversations/{id}", id).then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("window"))
                    .body("errors[0].message", equalTo("must be between 1 and 200"));
        }
    }

    @Test
    void theListIsNewestUpdatedFirst() {
        String carol = TestData.prefix() + "-carol";
        String older = start(carol, "older");
        String newer = start(carol, "newer");
        as(carol).get("/api/v1/conversations").then().statusCode(200)
                .body("items.id", contains(newer, older)).body("total", equalTo(2))
                .body("page", equalTo(0)).body("size", equalTo(20));

        // A new message brings the older one to the top.
        say(carol, older, "user", "back to this");
        as(carol).get("/api/v1/conversations").then().body("items.id", contains(older, newer));
        as(carol).queryParam("size", 1).queryParam("page", 1).get("/api/v1/conversations").then().statusCode(200)
                .body("items.id", contains(newer)).body("total", equalTo(2));
        as(carol).queryParam("size", 201).get("/api/v1/conversations").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void badInputNamesTheField() {
        String dave = TestData.prefix() + "-dave";
        as(dave).body(Map.of("title", "x".repeat(201))).post("/api/v1/conversations").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("title"));
        String id = start(dave, "t");

        assertInvalidMessage(dave, id, Map.of("content", "hi"), "role");
        assertInvalidMessage(dave, id, Map.of("role", "system", "content", "hi"), "role");
        assertInvalidMessage(dave, id, Map.of("role", "user"), "content");
        assertInvalidMessage(dave, id, Map.of("role", "user", "content", " "), "content");
        assertInvalidMessage(dave, id, Map.of("role", "user", "content", "x".repeat(20001)), "content");
        // 20000 characters are allowed (an emoji is one).
        say(dave, id, "assistant", "\uD83D\uDE00".repeat(20000));

        int message = say(dave, id, "assistant", "ok");
        for (Object rating : new Object[] {2, -2}) {
            as(dave).body(Map.of("rating", rating))
                    .put("/api/v1/conversations/{id}/messages/{m}/rating", id, message).then().statusCode(400)
                    .contentType(PROBLEM).body("errors.field", hasItem("rating"));
        }
        as(dave).body(Map.of()).put("/api/v1/conversations/{id}/messages/{m}/rating", id, message)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("rating"));
        as(dave).get("/api/v1/conversations/{id}", id).then().body("message_count", equalTo(2))
                .body("messages[1].rating", nullValue());
    }

    @Test
    void overlongCitationsAreRefused() {
        String erin = TestData.prefix() + "-erin";
        String id = start(erin, null);
        // The test profile allows 1000 characters of citations JSON.
        as(erin).body(Map.of("role", "assistant", "content", "a", "citations", List.of("x".repeat(1000))))
                .post("/api/v1/conversations/{id}/messages", id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("citations"));
        as(erin).get("/api/v1/conversations/{id}", id).then().body("message_count", equalTo(0));
    }

    private static void assertInvalidMessage(String user, String id, Map<String, Object> body, String field) {
        as(user).body(body).post("/api/v1/conversations/{id}/messages", id).then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("errors.field", hasItem(field));
    }
}
