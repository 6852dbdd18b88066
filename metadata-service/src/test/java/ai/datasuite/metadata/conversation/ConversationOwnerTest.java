package ai.datasuite.metadata.conversation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import ai.datasuite.metadata.TestData;

/**
 * Owner rules of the chat memory: a user lists, reads, appends to, rates and deletes only their own conversations;
 * another user's answers 404 (never revealing it exists); naming another owner is 403; an admin sees everyone's.
 */
@QuarkusTest
class ConversationOwnerTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anotherUsersConversationIsAbsentEverywhere() {
        String p = TestData.prefix();
        String alice = p + "-alice";
        String bob = p + "-bob";
        String aliceChat = ConversationResourceTest.start(alice, "alice's");
        int aliceMessage = ConversationResourceTest.say(alice, aliceChat, "user", "private question");
        String bobChat = ConversationResourceTest.start(bob, "bob's");

        ConversationResourceTest.as(bob).get("/api/v1/conversations/{id}", aliceChat).then().statusCode(404)
                .contentType(PROBLEM).body("detail", equalTo("No conversation " + aliceChat));
        ConversationResourceTest.as(bob).body(Map.of("role", "user", "content", "intrusion"))
                .post("/api/v1/conversations/{id}/messages", aliceChat).then().statusCode(404).contentType(PROBLEM);
        ConversationResourceTest.as(bob).body(Map.of("rating", -1))
                .put("/api/v1/conversations/{id}/messages/{m}/rating", aliceChat, aliceMessage)
                .then().statusCode(404).contentType(PROBLEM);
        // Alice's message id under Bob's own conversation is no message of his either.
        ConversationResourceTest.as(bob).body(Map.of("rating", -1))
                .put("/api/v1/conversations/{id}/messages/{m}/rating", bobChat, aliceMessage)
                .then().statusCode(404).contentType(PROBLEM);
        ConversationResourceTest.as(bob).delete("/api/v1/conversations/{id}", aliceChat).then().statusCode(404);

        ConversationResourceTest.as(bob).get("/api/v1/conversations").then().statusCode(200)
                .body("items.id", contains(bobChat)).body("total", equalTo(1));
        ConversationResourceTest.as(bob).queryParam("owner", alice).get("/api/v1/conversations").then()
                .statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("'owner'"));

        // Nothing of Bob's attempts reached Alice's conversation.
        ConversationResourceTest.as(alice).get("/api/v1/conversations/{id}", aliceChat).then().statusCode(200)
                .body("message_count", equalTo(1)).body("messages[0].content", equalTo("private question"))
                .body("messages[0].rating", equalTo(null));
        ConversationResourceTest.as(alice).get("/api/v1/conversations").then().body("items.id", contains(aliceChat));
    }

    @Test
    void namingAnotherOwnerIsRefusedAndAnAdminSeesEveryone() {
        String p = TestData.prefix();
        String alice = p + "-alice";
        String bob = p + "-bob";
        ConversationResourceTest.as(bob).body(Map.of("owner", alice)).post("/api/v1/conversations").then()
                .statusCode(403).contentType(PROBLEM).body("detail", containsString("'owner'"));
        ConversationResourceTest.as(bob).body(Map.of("owner", bob)).post("/api/v1/conversations").then()
                .statusCode(201).body("owner", equalTo(bob));
        String bobChat = ConversationResourceTest.as(bob).get("/api/v1/conversations").then()
                .extract().path("items[0].id");

        // An admin may start one for Alice, and sees, lists and deletes everyone's.
        String aliceChat = given().contentType(ContentType.JSON).body(Map.of("owner", alice))
                .post("/api/v1/conversations").then().statusCode(201).body("owner", equalTo(alice))
                .extract().path("id");
        ConversationResourceTest.as(alice).get("/api/v1/conversations/{id}", aliceChat).then().statusCode(200);
        given().queryParam("size", 200).get("/api/v1/conversations").then().statusCode(200)
                .body("items.id", hasItems(aliceChat, bobChat));
        given().queryParam("owner", bob).get("/api/v1/conversations").then().statusCode(200)
                .body("items.id", contains(bobChat));
        given().get("/api/v1/conversations/{id}", bobChat).then().statusCode(200).body("owner", equalTo(bob));
        given().delete("/api/v1/conversations/{id}", bobChat).then().statusCode(204);
        ConversationResourceTest.as(bob).get("/api/v1/conversations").then().body("total", equalTo(0));
    }
}
