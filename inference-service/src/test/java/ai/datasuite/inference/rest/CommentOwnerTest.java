package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import ai.datasuite.identity.Roles;
import ai.datasuite.inference.support.CommentsTestProfile;
import ai.datasuite.inference.support.FakeCaller;
import ai.datasuite.inference.support.FakeCommentsMetadata;
import ai.datasuite.inference.support.FakeTextClassifier;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * Comments belong to their author, who comes from the verified token: a user posts, lists and reads only their own;
 * annotators and admins read everyone's; a body or query naming another user is 403 unless the caller may.
 */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class CommentOwnerTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void reset() {
        FakeCommentsMetadata.reset();
        FakeTextClassifier.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"comment\": \"I love it\"}", "{\"username\": \"\", \"comment\": \"I love it\"}",
            "{\"username\": \"   \", \"comment\": \"I love it\"}", "{\"username\": \"alice\", \"comment\": \"I love it\"}"})
    void aCommentIsWrittenByTheCaller(String body) {
        int num = TestIdentity.as("alice", Roles.USER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .body("request_user", equalTo("alice"))
                .extract().path("num");
        assertEquals("alice", FakeCommentsMetadata.row(num).get("request_user"));
        var sent = FakeCommentsMetadata.requests("POST", "/api/v1/comments").get(0);
        assertEquals("alice", sent.body().get("username"));
        assertEquals(new FakeCaller("alice", Roles.USER, "inference-service"), sent.caller());
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.USER, Roles.ANNOTATOR})
    void aUsernameNamingSomeoneElseIs403(String role) {
        TestIdentity.as("alice", role).contentType(ContentType.JSON)
                .body(Map.of("username", "bob", "comment", "posted as bob"))
                .queryParam("predict", "now")
                .when().post("/api/v1/comments")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("'username' names another user ('bob')"));
        assertTrue(FakeCommentsMetadata.REQUESTS.isEmpty());
        assertEquals(0, FakeTextClassifier.CALLS.get(), "nothing is classified for a refused post");
    }

    @Test
    void anAdminPostsForAnotherUser() {
        given().contentType(ContentType.JSON).body(Map.of("username", "bob", "comment", "for bob"))
                .when().post("/api/v1/comments")
                .then().statusCode(201)
                .body("request_user", equalTo("bob"));
    }

    @Test
    void anotherUsersCommentIsNotFoundButAnnotatorsAndAdminsReadIt() {
        long alices = FakeCommentsMetadata.seed("alice", "mine");
        TestIdentity.as("alice", Roles.USER).get("/api/v1/comments/" + alices)
                .then().statusCode(200).body("request_user", equalTo("alice"));
        String missing = TestIdentity.as("bob", Roles.USER).get("/api/v1/comments/999999")
                .then().statusCode(404).extract().path("detail");
        TestIdentity.as("bob", Roles.USER).get("/api/v1/comments/" + alices)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"))
                .body("detail", equalTo(missing.replace("999999", String.valueOf(alices))));
        TestIdentity.as("carol", Roles.ANNOTATOR).get("/api/v1/comments/" + alices)
                .then().statusCode(200).body("request_user", equalTo("alice"));
        given().get("/api/v1/comments/" + alices).then().statusCode(200);
    }

    @Test
    void aUserListsOnlyTheirOwnComments() {
        long alices = FakeCommentsMetadata.seed("alice", "one");
        long bobs = FakeCommentsMetadata.seed("bob", "two");
        FakeCommentsMetadata.seed("alice", "three");
        List<Integer> seenByBob = TestIdentity.as("bob", Roles.USER).get("/api/v1/comments")
                .then().statusCode(200).body("total", equalTo(1)).extract().path("items.num");
        assertEquals(List.of((int) bobs), seenByBob);
        assertTrue(FakeCommentsMetadata.requests("GET", "/api/v1/comments?").get(0).path().contains("user=bob"),
                "the filter is the caller's, not everyone's");
        TestIdentity.as("bob", Roles.USER).queryParam("user", "bob").get("/api/v1/comments")
                .then().statusCode(200).body("total", equalTo(1));
        List<Integer> seenByAlice = TestIdentity.as("alice", Roles.USER).get("/api/v1/comments")
                .then().statusCode(200).extract().path("items.num");
        assertTrue(seenByAlice.contains((int) alices) && !seenByAlice.contains((int) bobs), seenByAlice.toString());
    }

    @Test
    void aUserNamingAnotherAuthorInTheListIs403() {
        FakeCommentsMetadata.seed("alice", "one");
        TestIdentity.as("bob", Roles.USER).queryParam("user", "alice").get("/api/v1/comments")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("'user' names another user ('alice')"));
        assertTrue(FakeCommentsMetadata.REQUESTS.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.ANNOTATOR, Roles.ADMIN})
    void annotatorsAndAdminsListEveryonesOrOneAuthors(String role) {
        FakeCommentsMetadata.seed("alice", "one");
        FakeCommentsMetadata.seed("bob", "two");
        TestIdentity.as("carol", role).get("/api/v1/comments").then().statusCode(200).body("total", equalTo(2));
        assertFalse(FakeCommentsMetadata.requests("GET", "/api/v1/comments").get(0).path().contains("user="),
                "no author filter is forwarded");
        TestIdentity.as("carol", role).queryParam("user", "alice").get("/api/v1/comments")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].request_user", equalTo("alice"));
    }

    @Test
    void statisticsAndChartsAreForAnyoneSignedIn() {
        FakeCommentsMetadata.seedLabelled("so happy", "joy", "joy", 0.9);
        TestIdentity.as("bob", Roles.USER).get("/api/v1/comments/stats").then().statusCode(200)
                .body("total", equalTo(1));
        TestIdentity.as("bob", Roles.USER).get("/api/v1/comments/stats/chart").then().statusCode(200)
                .contentType("image/png");
    }
}
