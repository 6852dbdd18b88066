package ai.datasuite.metadata.file;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * Owner rules of the file catalogue: a user (through ingest's service hop) creates, sees, lists and deletes only their
 * own records; another user's record answers 404; naming another owner is 403; an admin sees everyone's.
 */
@QuarkusTest
class FileOwnerTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification as(String user) {
        return TestIdentity.as(user, Roles.USER).contentType(ContentType.JSON);
    }

    private static String create(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/v1/files").then().statusCode(201)
                .body("owner_id", equalTo(user)).extract().path("id");
    }

    @Test
    void aUserSeesListsAndDeletesOnlyTheirOwnFiles() {
        String p = TestData.prefix();
        String alice = p + "-alice";
        String bob = p + "-bob";
        Map<String, Object> aliceBody = TestData.newFile(alice, p + "-alice.txt");
        String aliceFile = create(alice, aliceBody);
        Map<String, Object> bobBody = TestData.newFile(bob, p + "-bob.txt");
        bobBody.remove("owner_id"); // left out: the caller
        String bobFile = create(bob, bobBody);

        as(bob).get("/api/v1/files/{id}", aliceFile).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"))
                .body("detail", equalTo("No file " + aliceFile));
        as(bob).delete("/api/v1/files/{id}", aliceFile).then().statusCode(404).contentType(PROBLEM);
        as(alice).get("/api/v1/files/{id}", aliceFile).then().statusCode(200).body("owner_id", equalTo(alice));

        as(bob).get("/api/v1/files").then().statusCode(200)
                .body("items.id", contains(bobFile)).body("total", equalTo(1));
        as(bob).queryParam("owner_id", bob).get("/api/v1/files").then().statusCode(200)
                .body("items.id", contains(bobFile));
        // A dedup look-up by content never answers another owner's record to a user.
        as(bob).queryParam("sha256", aliceBody.get("sha256")).get("/api/v1/files").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
        as(alice).queryParam("sha256", aliceBody.get("sha256")).get("/api/v1/files").then().statusCode(200)
                .body("items.id", contains(aliceFile));

        // An admin sees everyone's, and may name an owner.
        given().get("/api/v1/files/{id}", aliceFile).then().statusCode(200);
        given().queryParam("name", p).queryParam("size", 200).get("/api/v1/files").then().statusCode(200)
                .body("items.id", hasItems(aliceFile, bobFile));
        given().queryParam("owner_id", alice).get("/api/v1/files").then().statusCode(200)
                .body("items.id", contains(aliceFile));

        as(alice).delete("/api/v1/files/{id}", aliceFile).then().statusCode(204);
        given().get("/api/v1/files/{id}", aliceFile).then().statusCode(404);
    }

    @Test
    void namingAnotherOwnerIs403() {
        String p = TestData.prefix();
        String bob = p + "-bob";
        Map<String, Object> body = TestData.newFile(p + "-alice", "alice.txt");
        as(bob).body(body).post("/api/v1/files").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("'owner_id'"));
        given().get("/api/v1/files/{id}", body.get("id")).then().statusCode(404);
        as(bob).queryParam("owner_id", p + "-alice").get("/api/v1/files").then().statusCode(403)
                .contentType(PROBLEM).body("detail", containsString("'owner_id'"));
    }

    @Test
    void contentStoredByAnotherOwnerIsNeverNamedInAConflict() {
        String p = TestData.prefix();
        Map<String, Object> aliceBody = TestData.newFile(p + "-alice", "same.txt");
        String aliceFile = create(p + "-alice", aliceBody);
        // Bob stores the very same bytes: his own record, not a 409 naming Alice's.
        Map<String, Object> bobBody = TestData.newFile(p + "-bob", "same.txt");
        bobBody.put("sha256", aliceBody.get("sha256"));
        String bobFile = create(p + "-bob", bobBody);
        Map<String, Object> again = TestData.newFile(p + "-bob", "again.txt");
        again.put("sha256", aliceBody.get("sha256"));
        as(p + "-bob").body(again).post("/api/v1/files").then().statusCode(409)
                .body("existing_id", equalTo(bobFile))
                .body("detail", org.hamcrest.Matchers.not(containsString(aliceFile)));
    }

    @Test
    void theReconcilersKeyCheckIsForServices() {
        String p = TestData.prefix();
        Map<String, Object> body = TestData.newFile(p, "a.txt");
        TestData.store(body);
        Map<String, Object> keys = Map.of("bucket", "suite-files", "keys", java.util.List.of(body.get("object_key")));
        TestIdentity.as("ingest-service", Roles.SERVICE).contentType(ContentType.JSON).body(keys)
                .post("/api/v1/files/references").then().statusCode(200)
                .body("referenced", hasItem(body.get("object_key")));
        TestData.viaGateway(p, Roles.ADMIN).contentType(ContentType.JSON).body(keys)
                .post("/api/v1/files/references").then().statusCode(403).contentType(PROBLEM);
    }
}
