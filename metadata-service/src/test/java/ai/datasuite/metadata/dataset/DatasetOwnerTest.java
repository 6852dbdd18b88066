package ai.datasuite.metadata.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * Owner rules of the dataset catalogue: a user (through retrieval's service hop) catalogues, sees, lists and deletes
 * only their own datasets, over their own files; another user's dataset answers 404; an admin sees everyone's.
 */
@QuarkusTest
class DatasetOwnerTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification as(String user) {
        return TestIdentity.as(user, Roles.USER).contentType(ContentType.JSON);
    }

    /** A file stored by {@code user} and a dataset body over it, owner left out. */
    private static Map<String, Object> datasetOf(String user) {
        Map<String, Object> file = TestData.newFile(user, "qa.csv");
        as(user).body(file).post("/api/v1/files").then().statusCode(201);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "QA of " + user);
        body.put("file_id", file.get("id"));
        body.put("rows", 3);
        body.put("distinct_contexts", 1);
        body.put("columns", List.of("context", "question", "answer"));
        return body;
    }

    private static String create(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/v1/datasets").then().statusCode(201)
                .body("owner", equalTo(user)).extract().path("id");
    }

    @Test
    void aUserSeesListsAndDeletesOnlyTheirOwnDatasets() {
        String p = TestData.prefix();
        String alice = p + "-alice";
        String bob = p + "-bob";
        String aliceSet = create(alice, datasetOf(alice));
        String bobSet = create(bob, datasetOf(bob));

        as(bob).get("/api/v1/datasets/{id}", aliceSet).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No dataset " + aliceSet));
        as(bob).delete("/api/v1/datasets/{id}", aliceSet).then().statusCode(404).contentType(PROBLEM);
        as(alice).get("/api/v1/datasets/{id}", aliceSet).then().statusCode(200);

        as(bob).get("/api/v1/datasets").then().statusCode(200).body("id", contains(bobSet));
        as(alice).get("/api/v1/datasets").then().statusCode(200).body("id", contains(aliceSet));
        as(bob).queryParam("owner", alice).get("/api/v1/datasets").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("'owner'"));

        given().get("/api/v1/datasets").then().statusCode(200).body("id", hasItems(aliceSet, bobSet));
        given().queryParam("owner", alice).get("/api/v1/datasets").then().statusCode(200)
                .body("id", contains(aliceSet));
        given().get("/api/v1/datasets/{id}", bobSet).then().statusCode(200);

        as(alice).delete("/api/v1/datasets/{id}", aliceSet).then().statusCode(204);
        given().get("/api/v1/datasets/{id}", aliceSet).then().statusCode(404);
    }

    @Test
    void namingAnotherOwnerOrAnotherUsersFileIsRefused() {
        String p = TestData.prefix();
        String alice = p + "-alice";
        String bob = p + "-bob";
        Map<String, Object> body = datasetOf(bob);
        body.put("owner", alice);
        as(bob).body(body).post("/api/v1/datasets").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("'owner'"));

        // Alice's file is, to Bob, no stored file: the same 400 as an unknown id, which tells him nothing.
        Map<String, Object> overAlices = datasetOf(alice);
        as(bob).body(overAlices).post("/api/v1/datasets").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("file_id"));
        // An admin may catalogue it for Alice.
        overAlices.put("owner", alice);
        given().contentType(ContentType.JSON).body(overAlices).post("/api/v1/datasets").then().statusCode(201)
                .body("owner", equalTo(alice));
    }
}
