package ai.datasuite.gateway.chat;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import ai.datasuite.gateway.chat.ChatFixtures.Event;
import ai.datasuite.gateway.support.FakeConversations;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;
import ai.datasuite.testsupport.identity.TestIdentity;

/** Chat on the embedded defaults: no LLM configured, so answers are the sources' best sentences. */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class ChatExtractiveTest {

    @InjectFakes
    FakeServices fakes;

    private ChatFixtures data;
    private String tag;

    @BeforeEach
    void seed() {
        tag = Long.toString(System.nanoTime(), 36);
        data = ChatFixtures.seed(fakes, tag);
    }

    @Test
    void answersFromTheCallersDocumentWithCitationsAndSaysWhyThereIsNoLlm() {
        ExtractableResponse<Response> answer = ChatFixtures.chat(data.alice,
                Map.of("query", "When is the library closed?"));

        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("extractive", answer.path("mode"));
        assertNull(answer.path("model"));
        String text = answer.path("answer");
        assertThat(text, containsString("The library is closed on public holidays."));
        assertTrue(text.split("(?<=[.!?])\\s+").length <= 2, "at most two sentences: " + text);
        assertThat(answer.path("note"), containsString("SUITE_LLM_BASE_URL"));
        assertEquals("f-library-" + tag, answer.path("citations[0].file_id"));
        assertEquals("document", answer.path("citations[0].source"));
        assertEquals(0, (int) answer.path("citations[0].chunk"));
        assertThat(answer.path("citations[0].text"), containsString("public holidays"));

        // retrieval was asked for the caller's chunks and the notices, with the configured top_k and highlights
        JsonObject asked = data.search.requests.get(data.search.requests.size() - 1);
        assertEquals("alice-" + tag, asked.getString("owner"));
        assertEquals(true, asked.getBoolean("include_public"));
        assertEquals(3, asked.getInteger("top_k"));
        assertEquals(2, asked.getInteger("highlights"));

        // the conversation is alice's and holds the question, then the answer with its citations
        String conversation = answer.path("conversation_id");
        assertEquals("alice-" + tag, data.search.conversations.ownerOf(conversation));
        assertEquals("When is the library closed?", data.search.conversations.titleOf(conversation));
        List<FakeConversations.Stored> stored = data.search.conversations.of(conversation);
        assertEquals(2, stored.size());
        assertEquals("user", stored.get(0).role());
        assertEquals("When is the library closed?", stored.get(0).content());
        assertEquals("assistant", stored.get(1).role());
        assertEquals(text, stored.get(1).content());
        assertEquals(((Number) answer.path("message_id")).longValue(), stored.get(1).id());
        assertEquals("f-library-" + tag, ((JsonArray) stored.get(1).citations()).getJsonObject(0)
                .getString("file_id"));
        assertEquals("alice-" + tag, stored.get(1).by().user());
    }

    @Test
    void noticesAreCitedForEveryUser() {
        for (String key : List.of(data.alice, data.bob)) {
            ExtractableResponse<Response> answer = ChatFixtures.chat(key,
                    Map.of("query", "When does the summer festival start?"));
            assertEquals(200, answer.statusCode(), answer.asString());
            assertThat(answer.path("answer"), containsString("July 5th"));
            assertEquals("notice", answer.path("citations[0].source"));
            assertEquals("n-" + tag, answer.path("citations[0].notice_id"));
            assertEquals("notice:n-" + tag, answer.path("citations[0].file_id"));
        }
    }

    @Test
    void anotherUsersDocumentIsNeverCited() {
        // alice's document answers this; bob's search finds nothing of his own
        assertEquals("f-library-" + tag, ChatFixtures.chat(data.alice, Map.of("query", "Library holidays?"))
                .path("citations[0].file_id"));
        ExtractableResponse<Response> answer = ChatFixtures.chat(data.bob, Map.of("query", "Library holidays?"));

        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("bob-" + tag, data.search.requests.get(data.search.requests.size() - 1).getString("owner"));
        List<String> files = answer.path("citations.file_id");
        assertTrue(files.stream().noneMatch(f -> f.startsWith("f-library")), files.toString());
        assertThat(answer.path("answer"), containsString("nothing"));
        assertEquals(List.of(), answer.path("citations"));
    }

    @Test
    void streamsTheExtractiveAnswerAsTokensThenCitationsThenDone() {
        ExtractableResponse<Response> streamed = Gateway.withKey(data.alice).contentType(ContentType.JSON)
                .body(Map.of("query", "When is the library closed?", "stream", true)).post("/api/chat")
                .then().extract();

        assertEquals(200, streamed.statusCode(), streamed.asString());
        assertThat(streamed.contentType(), startsWith("text/event-stream"));
        List<Event> events = ChatFixtures.events(streamed.asString());
        assertEquals(List.of("token", "citations", "done"), ChatFixtures.shape(events));
        assertThat(ChatFixtures.tokens(events), containsString("The library is closed on public holidays."));
        JsonArray citations = events.get(events.size() - 2).array();
        assertEquals("f-library-" + tag, citations.getJsonObject(0).getString("file_id"));
        JsonObject done = events.get(events.size() - 1).object();
        assertEquals("extractive", done.getString("mode"));
        assertNull(done.getValue("model"));
        assertThat(done.getString("note"), containsString("SUITE_LLM_BASE_URL"));
        List<FakeConversations.Stored> stored = data.search.conversations.of(done.getString("conversation_id"));
        assertEquals(ChatFixtures.tokens(events), stored.get(1).content());
        assertEquals(done.getLong("message_id"), stored.get(1).id());
    }

    @Test
    void aConversationIsItsOwnersOnly() {
        String conversation = ChatFixtures.chat(data.alice, Map.of("query", "When is the library closed?"))
                .path("conversation_id");

        ExtractableResponse<Response> foreign = ChatFixtures.chat(data.bob,
                Map.of("query", "What is the vault code?", "conversation_id", conversation));
        assertEquals(404, foreign.statusCode(), foreign.asString());
        assertEquals("urn:ai-data-suite:problem:not-found", foreign.path("type"));
        assertThat(foreign.path("detail"), containsString(conversation));
        assertEquals(2, data.search.conversations.of(conversation).size(), "nothing stored in alice's");

        // the conversations API is routed to metadata-service, whose owner rules answer
        Gateway.withKey(data.bob).get("/api/v1/conversations/" + conversation).then().statusCode(404);
        Gateway.withKey(data.alice).queryParam("window", 10).get("/api/v1/conversations/" + conversation)
                .then().statusCode(200);
        assertEquals("alice-" + tag, fakes.get(ai.datasuite.gateway.config.Upstream.METADATA)
                .last("/api/v1/conversations/" + conversation).identity().user());

        ExtractableResponse<Response> continued = ChatFixtures.chat(data.alice,
                Map.of("query", "And on Sundays?", "conversation_id", conversation));
        assertEquals(200, continued.statusCode(), continued.asString());
        assertEquals(conversation, continued.path("conversation_id"));
        assertEquals(4, data.search.conversations.of(conversation).size());
    }

    @Test
    void anAdminMayAskForAUserOthersMayNot() {
        ExtractableResponse<Response> asAdmin = Gateway.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("user_id", "alice-" + tag, "query", "When is the library closed?")).post("/api/chat")
                .then().extract();
        assertEquals(200, asAdmin.statusCode(), asAdmin.asString());
        assertEquals("f-library-" + tag, asAdmin.path("citations[0].file_id"));
        assertEquals("alice-" + tag, data.search.conversations.ownerOf(asAdmin.path("conversation_id")));

        ExtractableResponse<Response> forged = ChatFixtures.chat(data.bob,
                Map.of("user_id", "alice-" + tag, "query", "When is the library closed?"));
        assertEquals(403, forged.statusCode(), forged.asString());
        assertThat(forged.path("detail"), containsString("user_id"));
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertInvalid(Map.of("query", "   "), "query", "blank");
        assertInvalid(Map.of("top_k", 3), "query", "required");
        assertInvalid(Map.of("query", "x".repeat(2001)), "query", "gateway.chat.max-query-chars");
        assertInvalid(Map.of("query", "When?", "top_k", 0), "top_k", "gateway.chat.max-top-k");
        assertInvalid(Map.of("query", "When?", "top_k", 21), "top_k", "between 1 and 20");
        assertInvalid(Map.of("query", "When?", "conversation_id", "../keys"), "conversation_id", "UUID");
        assertInvalid(Map.of("query", "When?", "user_id", "a b"), "user_id", "must match");

        Gateway.withKey(data.alice).contentType(ContentType.JSON).body("{\"query\": ").post("/api/chat")
                .then().statusCode(400);
        TestIdentity.anonymous().contentType(ContentType.JSON).body(Map.of("query", "When?")).post("/api/chat")
                .then().statusCode(401);
    }

    private void assertInvalid(Map<String, Object> body, String field, String says) {
        ExtractableResponse<Response> refused = ChatFixtures.chat(data.alice, body);
        assertEquals(400, refused.statusCode(), body + " → " + refused.asString());
        assertThat(refused.contentType(), startsWith("application/problem+json"));
        assertEquals(field, refused.path("errors[0].field"));
        assertThat(refused.path("detail"), containsString(says));
        assertNotNull(refused.path("type"));
    }
}
