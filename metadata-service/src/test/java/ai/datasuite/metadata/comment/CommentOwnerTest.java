package ai.datasuite.metadata.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.DefaultTestIdentity;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * Owner rules of comments: a user writes and reads only their own; annotators and admins read everyone's and label;
 * the author and the labeller always come from the verified caller.
 */
@QuarkusTest
class CommentOwnerTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String FORBIDDEN = "urn:ai-data-suite:problem:forbidden";

    private static RequestSpecification as(String user, String role) {
        return TestIdentity.as(user, role).contentType(ContentType.JSON);
    }

    private static int post(String user, String text) {
        return as(user, Roles.USER).body(Map.of("comment", text)).post("/api/v1/comments")
                .then().statusCode(201).body("request_user", equalTo(user)).extract().path("num");
    }

    @Test
    void aUserReadsAndListsOnlyTheirOwnComments() {
        String p = TestData.prefix();
        String alice = p + "-alice";
        String bob = p + "-bob";
        int aliceNum = post(alice, "alice was here");
        int bobNum = post(bob, "bob was here");

        as(bob, Roles.USER).get("/api/v1/comments/{num}", aliceNum).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No comment " + aliceNum));
        as(alice, Roles.USER).get("/api/v1/comments/{num}", aliceNum).then().statusCode(200);
        as(bob, Roles.USER).get("/api/v1/comments").then().statusCode(200)
                .body("items.num", contains(bobNum)).body("total", equalTo(1));
        as(bob, Roles.USER).queryParam("user", bob).get("/api/v1/comments").then().statusCode(200)
                .body("items.request_user", everyItem(equalTo(bob)));
        as(bob, Roles.USER).queryParam("user", alice).get("/api/v1/comments").then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo(FORBIDDEN)).body("detail", containsString("'user'"));

        // Annotators and admins read everyone's, and filter by any author.
        as(p + "-ann", Roles.ANNOTATOR).get("/api/v1/comments/{num}", aliceNum).then().statusCode(200);
        as(p + "-ann", Roles.ANNOTATOR).queryParam("user", alice).get("/api/v1/comments").then().statusCode(200)
                .body("items.num", contains(aliceNum));
        as(p + "-ann", Roles.ANNOTATOR).get("/api/v1/comments").then().statusCode(200)
                .body("items.num", hasItems(aliceNum, bobNum));
        given().get("/api/v1/comments/{num}", bobNum).then().statusCode(200);

        // Statistics are aggregates: any verified caller may read them.
        as(bob, Roles.USER).get("/api/v1/comments/stats").then().statusCode(200);
    }

    @Test
    void writingAsAnotherUserIs403() {
        String p = TestData.prefix();
        as(p + "-bob", Roles.USER).body(Map.of("username", p + "-alice", "comment", "I am alice"))
                .post("/api/v1/comments").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(FORBIDDEN)).body("detail", containsString("'username'"));
        given().queryParam("user", p + "-alice").get("/api/v1/comments").then().body("total", equalTo(0));
        // Naming oneself is the same as leaving it out; an admin may name anyone.
        as(p + "-bob", Roles.USER).body(Map.of("username", p + "-bob", "comment", "me")).post("/api/v1/comments")
                .then().statusCode(201).body("request_user", equalTo(p + "-bob"));
        given().contentType(ContentType.JSON).body(Map.of("username", p + "-alice", "comment", "for alice"))
                .post("/api/v1/comments").then().statusCode(201).body("request_user", equalTo(p + "-alice"));
    }

    @Test
    void labelsNeedAnAnnotatorAndAreRecordedAsTheCaller() {
        String p = TestData.prefix();
        int num = post(p + "-alice", "what a day");
        as(p + "-alice", Roles.USER).body(Map.of("true_label", "joy")).put("/api/v1/comments/{num}/label", num)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN))
                .body("detail", containsString("annotator"));
        as(p + "-ann", Roles.ANNOTATOR).body(Map.of("true_label", "joy", "labelled_by", p + "-someone"))
                .put("/api/v1/comments/{num}/label", num)
                .then().statusCode(403).contentType(PROBLEM).body("detail", containsString("'labelled_by'"));
        // Not even an admin records a label in someone else's name.
        given().contentType(ContentType.JSON).body(Map.of("true_label", "joy", "labelled_by", p + "-someone"))
                .put("/api/v1/comments/{num}/label", num).then().statusCode(403);
        given().get("/api/v1/comments/{num}", num).then().body("true_label", nullValue());

        as(p + "-ann", Roles.ANNOTATOR).body(Map.of("true_label", "joy")).put("/api/v1/comments/{num}/label", num)
                .then().statusCode(200).body("true_label", equalTo("joy")).body("labelled_by", equalTo(p + "-ann"));
        as(p + "-ann", Roles.ANNOTATOR).body(Map.of("true_label", "sadness", "labelled_by", p + "-ann"))
                .put("/api/v1/comments/{num}/label", num)
                .then().statusCode(200).body("labelled_by", equalTo(p + "-ann"));
        given().contentType(ContentType.JSON).body(Map.of("true_label", "fear"))
                .put("/api/v1/comments/{num}/label", num)
                .then().statusCode(200).body("labelled_by", equalTo(DefaultTestIdentity.ADMIN));
    }
}
