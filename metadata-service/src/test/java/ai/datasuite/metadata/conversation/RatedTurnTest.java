package ai.datasuite.metadata.conversation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import ai.datasuite.metadata.TestData;

/**
 * {@code GET /api/v1/conversations/rated}: rated answers paired with the question before them, for the fine-tune
 * training set; the literal path is not taken for a conversation id; owner rules as for conversations.
 */
@QuarkusTest
class RatedTurnTest {

    private static final String PROBLEM = "application/problem+json";

    private static void rate(String user, String conversation, int message, int rating) {
        ConversationResourceTest.as(user).body(Map.of("rating", rating))
                .put("/api/v1/conversations/{id}/messages/{m}/rating", conversation, message).then().statusCode(200);
    }

    @Test
    void ratedAnswersComeWithTheirQuestionNewestFirst() {
        String alice = TestData.prefix() + "-alice";
        String chat = ConversationResourceTest.start(alice, "labels");
        ConversationResourceTest.say(alice, chat, "user", "first question");
        int good = ConversationResourceTest.say(alice, chat, "assistant", "first answer");
        ConversationResourceTest.say(alice, chat, "user", "older wording");
        ConversationResourceTest.say(alice, chat, "user", "second question");
        int neutral = ConversationResourceTest.say(alice, chat, "assistant", "second answer");
        int bad = ConversationResourceTest.say(alice, chat, "assistant", "a follow-up answer");
        ConversationResourceTest.say(alice, chat, "assistant", "an unrated answer");
        rate(alice, chat, good, 1);
        rate(alice, chat, neutral, 0);
        rate(alice, chat, bad, -1);
        // An answer with no user message before it is no training pair.
        String other = ConversationResourceTest.start(alice, "greeting");
        int greeting = ConversationResourceTest.say(alice, other, "assistant", "Hello!");
        rate(alice, other, greeting, 1);
        ConversationResourceTest.say(alice, other, "user", "thanks");
        int reply = ConversationResourceTest.say(alice, other, "assistant", "You are welcome.");
        rate(alice, other, reply, 1);

        // The default min_rating is 1: the answers rated good.
        ConversationResourceTest.as(alice).get("/api/v1/conversations/rated").then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.message_id", contains(reply, good))
                .body("items[0].conversation_id", equalTo(other)).body("items[0].question", equalTo("thanks"))
                .body("items[0].answer", equalTo("You are welcome.")).body("items[0].rating", equalTo(1))
                .body("items[1].conversation_id", equalTo(chat)).body("items[1].question", equalTo("first question"))
                .body("items[1].answer", equalTo("first answer"));
        // The nearest user message before each answer is its question.
        ConversationResourceTest.as(alice).queryParam("min_rating", -1).get("/api/v1/conversations/rated").then()
                .statusCode(200).body("total", equalTo(4))
                .body("items.message_id", contains(reply, bad, neutral, good))
                .body("items.question", contains("thanks", "second question", "second question", "first question"))
                .body("items.rating", contains(1, -1, 0, 1));
        ConversationResourceTest.as(alice).queryParam("min_rating", 0).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/conversations/rated").then().statusCode(200)
                .body("items.message_id", contains(neutral)).body("total", equalTo(3)).body("size", equalTo(1));
    }

    @Test
    void ratedIsNotAConversationIdAndChecksItsParameters() {
        String bob = TestData.prefix() + "-bob";
        ConversationResourceTest.as(bob).get("/api/v1/conversations/rated").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0));
        for (int bad : new int[] {2, -2}) {
            ConversationResourceTest.as(bob).queryParam("min_rating", bad).get("/api/v1/conversations/rated").then()
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("min_rating"));
        }
        ConversationResourceTest.as(bob).queryParam("size", 201).get("/api/v1/conversations/rated").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("size"));
        // The /{id} routes are still there for a real id.
        String chat = ConversationResourceTest.start(bob, "t");
        ConversationResourceTest.as(bob).get("/api/v1/conversations/{id}", chat).then().statusCode(200);
    }

    @Test
    void aUserSeesOnlyTheirOwnTurnsAndAnAdminEveryones() {
        String p = TestData.prefix();
        String alice = p + "-alice";
        String bob = p + "-bob";
        String aliceChat = ConversationResourceTest.start(alice, "a");
        ConversationResourceTest.say(alice, aliceChat, "user", "alice asks");
        int aliceAnswer = ConversationResourceTest.say(alice, aliceChat, "assistant", "alice's answer");
        rate(alice, aliceChat, aliceAnswer, 1);
        String bobChat = ConversationResourceTest.start(bob, "b");
        ConversationResourceTest.say(bob, bobChat, "user", "bob asks");
        int bobAnswer = ConversationResourceTest.say(bob, bobChat, "assistant", "bob's answer");
        rate(bob, bobChat, bobAnswer, 1);

        ConversationResourceTest.as(bob).get("/api/v1/conversations/rated").then().statusCode(200)
                .body("items.message_id", contains(bobAnswer)).body("total", equalTo(1));
        ConversationResourceTest.as(bob).queryParam("owner", alice).get("/api/v1/conversations/rated").then()
                .statusCode(403).contentType(PROBLEM).body("detail", containsString("'owner'"));
        given().queryParam("owner", alice).get("/api/v1/conversations/rated").then().statusCode(200)
                .body("items.message_id", contains(aliceAnswer)).body("items[0].question", equalTo("alice asks"));
        given().queryParam("size", 200).get("/api/v1/conversations/rated").then().statusCode(200)
                .body("items.message_id", hasItems(aliceAnswer, bobAnswer));
    }
}
