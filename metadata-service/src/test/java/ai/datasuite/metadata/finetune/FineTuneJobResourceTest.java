package ai.datasuite.metadata.finetune;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;

/**
 * Fine-tune jobs as chat-gateway records them: create (the seed's parameters), each step by PATCH, listing, the
 * model a user's chats should use, bad input naming the field, and the owner rules.
 */
@QuarkusTest
class FineTuneJobResourceTest {

    private static final String PROBLEM = "application/problem+json";

    static RequestSpecification as(String user) {
        return TestData.viaGateway(user, Roles.USER).contentType(ContentType.JSON);
    }

    static String create(String user) {
        return as(user).body(Map.of("epochs", 5, "learning_rate", 0.001)).post("/api/v1/fine-tune-jobs").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void aJobIsRecordedStepByStepAndItsModelServesTheOwner() {
        String alice = TestData.prefix() + "-alice";
        io.restassured.response.Response created = as(alice).body(Map.of("epochs", 5, "learning_rate", 0.001))
                .post("/api/v1/fine-tune-jobs");
        created.then().statusCode(201).contentType(ContentType.JSON)
                .body("owner", equalTo(alice)).body("status", equalTo("queued")).body("progress", equalTo(0.0f))
                .body("parameters.epochs", equalTo(5)).body("parameters.learning_rate", equalTo(0.001f))
                .body("base_model", nullValue()).body("training_file_id", nullValue()).body("examples", nullValue())
                .body("fine_tuned_model", nullValue()).body("message", nullValue());
        String id = created.path("id");
        created.then().header("Location", endsWith("/api/v1/fine-tune-jobs/" + id));

        // No succeeded job yet: no model.
        as(alice).get("/api/v1/fine-tune-jobs/model").then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo(alice + " has no succeeded fine-tune job with a model"));

        String trainingFile = UUID.randomUUID().toString();
        as(alice).body(Map.of("status", "building", "progress", 0.2, "training_file_id", trainingFile.toUpperCase(),
                        "examples", 48)).patch("/api/v1/fine-tune-jobs/{id}", id).then().statusCode(200)
                .body("status", equalTo("building")).body("progress", equalTo(0.2f))
                .body("training_file_id", equalTo(trainingFile)).body("examples", equalTo(48));
        as(alice).body(Map.of("status", "running", "provider_file_id", "file-abc", "provider_job_id", "ftjob-abc",
                        "message", "Training on 48 examples")).patch("/api/v1/fine-tune-jobs/{id}", id).then()
                .statusCode(200).body("progress", equalTo(0.2f)).body("examples", equalTo(48))
                .body("provider_job_id", equalTo("ftjob-abc")).body("message", equalTo("Training on 48 examples"));
        as(alice).body(Map.of("status", "succeeded", "progress", 1, "fine_tuned_model", "ft:base:alice::1"))
                .patch("/api/v1/fine-tune-jobs/{id}", id).then().statusCode(200)
                .body("fine_tuned_model", equalTo("ft:base:alice::1")).body("provider_file_id", equalTo("file-abc"));
        as(alice).get("/api/v1/fine-tune-jobs/{id}", id).then().statusCode(200).body("status", equalTo("succeeded"))
                .body("parameters.epochs", equalTo(5)).body("message", equalTo("Training on 48 examples"));

        as(alice).get("/api/v1/fine-tune-jobs/model").then().statusCode(200)
                .body("owner", equalTo(alice)).body("model", equalTo("ft:base:alice::1"));
        // A later job that failed changes nothing; a later one that succeeded is the model from then on.
        String failed = create(alice);
        as(alice).body(Map.of("status", "failed", "message", "too few examples"))
                .patch("/api/v1/fine-tune-jobs/{id}", failed).then().statusCode(200);
        as(alice).get("/api/v1/fine-tune-jobs/model").then().body("model", equalTo("ft:base:alice::1"));
        String newer = create(alice);
        as(alice).body(Map.of("status", "succeeded", "fine_tuned_model", "ft:base:alice::2"))
                .patch("/api/v1/fine-tune-jobs/{id}", newer).then().statusCode(200);
        as(alice).queryParam("owner", alice).get("/api/v1/fine-tune-jobs/model").then().statusCode(200)
                .body("model", equalTo("ft:base:alice::2"));
        // The service asks on a user's behalf (chat-gateway's own identity).
        given().queryParam("owner", alice).get("/api/v1/fine-tune-jobs/model").then().statusCode(200)
                .body("model", equalTo("ft:base:alice::2"));
    }

    @Test
    void theListIsNewestFirstInPagesAndFiltersByStatus() {
        String carol = TestData.prefix() + "-carol";
        String first = create(carol);
        String second = create(carol);
        String third = create(carol);
        as(carol).body(Map.of("status", "exported")).patch("/api/v1/fine-tune-jobs/{id}", second).then()
                .statusCode(200);
        as(carol).get("/api/v1/fine-tune-jobs").then().statusCode(200).body("items.id", contains(third, second, first))
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20));
        as(carol).queryParam("size", 1).queryParam("page", 2).get("/api/v1/fine-tune-jobs").then()
                .body("items.id", contains(first)).body("total", equalTo(3));
        as(carol).queryParam("status", "exported").get("/api/v1/fine-tune-jobs").then()
                .body("items.id", contains(second)).body("total", equalTo(1));
        as(carol).queryParam("status", "finished").get("/api/v1/fine-tune-jobs").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("status"));
        as(carol).queryParam("size", 0).get("/api/v1/fine-tune-jobs").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void badInputNamesTheField() {
        String dave = TestData.prefix() + "-dave";
        assertInvalidCreate(dave, Map.of("learning_rate", 0.001), "epochs");
        assertInvalidCreate(dave, Map.of("epochs", 0, "learning_rate", 0.001), "epochs");
        assertInvalidCreate(dave, Map.of("epochs", 5.5, "learning_rate", 0.001), "epochs");
        assertInvalidCreate(dave, Map.of("epochs", 51, "learning_rate", 0.001), "epochs");
        assertInvalidCreate(dave, Map.of("epochs", 5), "learning_rate");
        assertInvalidCreate(dave, Map.of("epochs", 5, "learning_rate", 0), "learning_rate");
        assertInvalidCreate(dave, Map.of("epochs", 5, "learning_rate", -0.1), "learning_rate");
        assertInvalidCreate(dave, Map.of("epochs", 5, "learning_rate", 1.5), "learning_rate");
        assertInvalidCreate(dave, Map.of("epochs", 5, "learning_rate", 0.1, "base_model", "m".repeat(201)),
                "base_model");
        as(dave).body(Map.of("epochs", 51, "learning_rate", 0.001)).post("/api/v1/fine-tune-jobs").then()
                .body("errors[0].message", equalTo("must be between 1 and 50"));
        // The bounds themselves are valid.
        as(dave).body(Map.of("epochs", 50, "learning_rate", 1, "base_model", "gpt-4o-mini-2024-07-18"))
                .post("/api/v1/fine-tune-jobs").then().statusCode(201).body("parameters.epochs", equalTo(50))
                .body("parameters.learning_rate", equalTo(1.0f)).body("base_model", equalTo("gpt-4o-mini-2024-07-18"));
        as(dave).body(Map.of("epochs", 1, "learning_rate", 1e-6)).post("/api/v1/fine-tune-jobs").then()
                .statusCode(201);

        String id = create(dave);
        assertInvalidPatch(dave, id, Map.of("status", "done"), "status");
        assertInvalidPatch(dave, id, Map.of("progress", 1.01), "progress");
        assertInvalidPatch(dave, id, Map.of("progress", -0.1), "progress");
        assertInvalidPatch(dave, id, Map.of("training_file_id", "file.jsonl"), "training_file_id");
        assertInvalidPatch(dave, id, Map.of("examples", -1), "examples");
        assertInvalidPatch(dave, id, Map.of("provider_file_id", "f".repeat(201)), "provider_file_id");
        assertInvalidPatch(dave, id, Map.of("provider_job_id", "f".repeat(201)), "provider_job_id");
        assertInvalidPatch(dave, id, Map.of("fine_tuned_model", "f".repeat(201)), "fine_tuned_model");
        assertInvalidPatch(dave, id, Map.of("message", "m".repeat(1001)), "message");
        as(dave).get("/api/v1/fine-tune-jobs/{id}", id).then().body("status", equalTo("queued"))
                .body("progress", equalTo(0.0f));
    }

    @Test
    void anotherUsersJobIsAbsentEverywhere() {
        String p = TestData.prefix();
        String alice = p + "-alice";
        String bob = p + "-bob";
        String aliceJob = create(alice);
        String bobJob = create(bob);
        as(alice).body(Map.of("status", "succeeded", "fine_tuned_model", "ft:alice"))
                .patch("/api/v1/fine-tune-jobs/{id}", aliceJob).then().statusCode(200);

        as(bob).get("/api/v1/fine-tune-jobs/{id}", aliceJob).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No fine-tune job " + aliceJob));
        as(bob).body(Map.of("status", "cancelled")).patch("/api/v1/fine-tune-jobs/{id}", aliceJob).then()
                .statusCode(404).contentType(PROBLEM);
        as(bob).get("/api/v1/fine-tune-jobs").then().statusCode(200).body("items.id", contains(bobJob));
        as(bob).queryParam("owner", alice).get("/api/v1/fine-tune-jobs").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("'owner'"));
        as(bob).queryParam("owner", alice).get("/api/v1/fine-tune-jobs/model").then().statusCode(403)
                .contentType(PROBLEM);
        as(bob).get("/api/v1/fine-tune-jobs/model").then().statusCode(404);
        Map<String, Object> forAlice = new HashMap<>(Map.of("epochs", 5, "learning_rate", 0.001, "owner", alice));
        as(bob).body(forAlice).post("/api/v1/fine-tune-jobs").then().statusCode(403).contentType(PROBLEM);
        as(alice).get("/api/v1/fine-tune-jobs/{id}", aliceJob).then().body("status", equalTo("succeeded"));

        // An admin (or a service) records for Alice and sees everyone's.
        given().contentType(ContentType.JSON).body(forAlice).post("/api/v1/fine-tune-jobs").then().statusCode(201)
                .body("owner", equalTo(alice));
        given().queryParam("size", 200).get("/api/v1/fine-tune-jobs").then().statusCode(200)
                .body("items.id", hasItems(aliceJob, bobJob));
        given().queryParam("owner", alice).get("/api/v1/fine-tune-jobs").then().body("total", equalTo(2));
        given().get("/api/v1/fine-tune-jobs/{id}", bobJob).then().statusCode(200).body("owner", equalTo(bob));
    }

    private static void assertInvalidCreate(String user, Map<String, Object> body, String field) {
        as(user).body(body).post("/api/v1/fine-tune-jobs").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation")).body("errors.field", hasItem(field));
    }

    private static void assertInvalidPatch(String user, String id, Map<String, Object> body, String field) {
        as(user).body(body).patch("/api/v1/fine-tune-jobs/{id}", id).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation")).body("errors.field", hasItem(field));
    }
}
