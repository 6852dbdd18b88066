package ai.datasuite.gateway.finetune;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeFineTuneFiles;
import ai.datasuite.gateway.support.FakeFineTuneOpenAi;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;

/** Fine-tune without an LLM configured (the embedded default): the training set is built and exported. */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
@WithTestResource(value = FakeFineTuneOpenAi.class, initArgs = @ResourceArg(name = "configured", value = "false"))
class FineTuneTest {

    static final String SEED = "{\"user_id\": \"alice\", \"parameters\": {\"epochs\": 5, \"learning_rate\": 0.001}}";

    @InjectFakes
    FakeServices fakes;
    @InjectFakes
    WireMockServer provider;
    @Inject
    FineTuneRecovery recovery;

    private static String alice;
    private static String bob;

    @BeforeEach
    void material() {
        fakes.plugFineTune();
        if (alice == null) {
            alice = ApiKeys.generate();
            bob = ApiKeys.generate();
            fakes.keys.seed(alice, "alice", "user");
            fakes.keys.seed(bob, "bob", "user");
            fakes.fineTuneMaterial.addDataset("alice", FineTuneJobs.rows("alice", 11));
            fakes.fineTuneMaterial.addRatedTurn("alice", "When is the library open?", "From 9 to 17.", 1);
            fakes.fineTuneMaterial.addRatedTurn("alice", "A badly answered question?", "A bad answer.", -1);
            fakes.fineTuneMaterial.addDataset("bob", FineTuneJobs.rows("bob", 20));
        }
    }

    @Test
    void theSeedsExampleIsAcceptedAndEndsExportedWithTheTrainingFile() {
        String id = Gateway.withKey(alice).contentType(ContentType.JSON).body(SEED).post("/api/fine-tune").then()
                .statusCode(202).body("status", equalTo("queued")).extract().path("job_id");
        JsonPath job = FineTuneJobs.awaitEnd(alice, id);
        assertEquals("exported", job.getString("status"));
        assertEquals(1.0f, job.getFloat("progress"));
        assertEquals(5, job.getInt("parameters.epochs"));
        assertEquals(0.001, job.getDouble("parameters.learning_rate"), 1e-12);
        assertEquals(12, job.getInt("examples")); // 11 dataset rows + 1 answer rated up (the -1 is left out)
        String fileId = job.getString("training_file_id");
        assertTrue(job.getString("message").contains(fileId), job.getString("message"));
        assertTrue(job.getString("message").contains("SUITE_LLM_API_KEY"), job.getString("message"));
        assertEquals(null, job.getString("model"));

        FakeFineTuneFiles.Stored file = fakes.fineTuneFiles.stored.get(fileId);
        assertEquals("alice", file.owner()); // stored as alice, with the data type of training files
        assertTrue(file.multipart().contains("\"data_type\":\"fine-tune\""), file.multipart());
        // A dataset row: its context, then the question, as the user turn; its answer as the assistant turn.
        assertTrue(file.multipart().contains("{\"role\":\"user\",\"content\":\"alice context 3.\\nSecond line."
                + "\\n\\nQuestion: alice question 3?\"},{\"role\":\"assistant\",\"content\":\"alice answer 3.\"}"),
                file.multipart());
        assertTrue(file.multipart().contains("{\"role\":\"user\",\"content\":\"When is the library open?\"},"
                + "{\"role\":\"assistant\",\"content\":\"From 9 to 17.\"}"), file.multipart());
        assertFalse(file.multipart().contains("bob"), "only alice's material");
        assertFalse(file.multipart().contains("A bad answer"), "answers rated down are left out");
        // Collected as alice, never with a wider identity.
        assertTrue(fakes.fineTuneMaterial.asked.containsAll(List.of("datasets alice", "rows alice", "rated alice")));
        assertFalse(fakes.fineTuneMaterial.asked.stream().anyMatch(a -> a.endsWith(" admin")
                || a.endsWith(" chat-gateway")), fakes.fineTuneMaterial.asked.toString());
        List<String> statuses = fakes.fineTuneJobs.statuses(id);
        assertEquals(List.of("building", "exported"), statuses);
        // Progress reported as it goes (collecting, stored, done), never backwards.
        List<Double> progress = fakes.fineTuneJobs.patches.stream().filter(p -> p.jobId().equals(id))
                .map(p -> p.body().getDouble("progress")).filter(java.util.Objects::nonNull).toList();
        assertEquals(List.of(0.05, 0.4, 0.5, 1.0), progress.stream().map(p -> Math.round(p * 100) / 100.0).toList());
        assertTrue(fakes.fineTuneJobs.patches.stream().filter(p -> p.jobId().equals(id))
                .allMatch(p -> p.identity().user().equals("alice") && p.identity().role().equals("user")));
        assertEquals(0, provider.getAllServeEvents().size(), "no LLM configured: nothing goes to a provider");
    }

    @Test
    void badParametersAre400NamingTheField() {
        int before = fakes.fineTuneJobs.count();
        Map<String, String> cases = Map.of(
                "{\"user_id\": \"alice\"}", "parameters",
                "{\"parameters\": {\"learning_rate\": 0.1}}", "parameters.epochs",
                "{\"parameters\": {\"epochs\": 0, \"learning_rate\": 0.1}}", "parameters.epochs",
                "{\"parameters\": {\"epochs\": 51, \"learning_rate\": 0.1}}", "parameters.epochs",
                "{\"parameters\": {\"epochs\": 5.5, \"learning_rate\": 0.1}}", "parameters.epochs",
                "{\"parameters\": {\"epochs\": 5}}", "parameters.learning_rate",
                "{\"parameters\": {\"epochs\": 5, \"learning_rate\": 0}}", "parameters.learning_rate",
                "{\"parameters\": {\"epochs\": 5, \"learning_rate\": -0.5}}", "parameters.learning_rate",
                "{\"parameters\": {\"epochs\": 5, \"learning_rate\": 1.5}}", "parameters.learning_rate");
        cases.forEach((body, field) -> Gateway.withKey(alice).contentType(ContentType.JSON).body(body)
                .post("/api/fine-tune").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("errors.field", hasItem(field)).body("detail", containsString(field)));
        Gateway.withKey(alice).contentType(ContentType.JSON).body("{\"parameters\": {\"epochs\": 51,"
                        + " \"learning_rate\": 0.1}}").post("/api/fine-tune").then().statusCode(400)
                .body("detail", containsString("1 to 50 (gateway.fine-tune.max-epochs)"));
        Gateway.withKey(alice).contentType(ContentType.JSON).body("{\"parameters\": {\"epochs\": \"many\","
                + " \"learning_rate\": 0.1}}").post("/api/fine-tune").then().statusCode(400);
        Gateway.withKey(alice).contentType(ContentType.JSON).body("not json").post("/api/fine-tune").then()
                .statusCode(400);
        assertEquals(before, fakes.fineTuneJobs.count(), "no job recorded for a bad request");
    }

    @Test
    void aUserCannotStartForAnotherUser() {
        Gateway.withKey(alice).contentType(ContentType.JSON)
                .body("{\"user_id\": \"bob\", \"parameters\": {\"epochs\": 5, \"learning_rate\": 0.001}}")
                .post("/api/fine-tune").then().statusCode(403).body("detail", containsString("user_id"));
    }

    @Test
    void anotherUsersJobIs404AndNotListed() {
        String id = Gateway.withKey(alice).contentType(ContentType.JSON).body(SEED).post("/api/fine-tune").then()
                .statusCode(202).extract().path("job_id");
        FineTuneJobs.awaitEnd(alice, id);
        Gateway.withKey(bob).get("/api/fine-tune/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(id));
        Gateway.withKey(bob).get("/api/fine-tune").then().statusCode(200)
                .body("items.job_id", not(hasItem(id)));
        Gateway.withKey(alice).get("/api/fine-tune").then().statusCode(200)
                .body("items.job_id", hasItem(id)).body("items.owner", not(hasItem("bob")));
        Gateway.withKey(bob).queryParam("user_id", "alice").get("/api/fine-tune").then().statusCode(403);
        Gateway.asAdmin().queryParam("user_id", "alice").get("/api/fine-tune").then().statusCode(200)
                .body("items.job_id", hasItem(id));
        Gateway.withKey(alice).get("/api/fine-tune/no-such-job").then().statusCode(404);
    }

    @Test
    void tooFewExamplesFailSayingWhatToAdd() {
        String carol = ApiKeys.generate();
        fakes.keys.seed(carol, "carol", "user");
        fakes.fineTuneMaterial.addDataset("carol", FineTuneJobs.rows("carol", 3));
        int files = fakes.fineTuneFiles.stored.size();
        String id = Gateway.withKey(carol).contentType(ContentType.JSON)
                .body("{\"parameters\": {\"epochs\": 2, \"learning_rate\": 0.5}}").post("/api/fine-tune").then()
                .statusCode(202).extract().path("job_id");
        JsonPath job = FineTuneJobs.awaitEnd(carol, id);
        assertEquals("failed", job.getString("status"));
        assertEquals(3, job.getInt("examples"));
        String message = job.getString("message");
        assertTrue(message.contains("Only 3 training example(s)") && message.contains("at least 10")
                && message.contains("gateway.fine-tune.min-examples") && message.contains("Q&A dataset")
                && message.contains("rate"), message);
        assertEquals(files, fakes.fineTuneFiles.stored.size(), "no training file stored");
    }

    @Test
    void theJobsLocationIsItsStatus() {
        var response = Gateway.withKey(alice).contentType(ContentType.JSON).body(SEED).post("/api/fine-tune").then()
                .statusCode(202).extract();
        String id = response.path("job_id");
        assertTrue(response.header("Location").endsWith("/api/fine-tune/" + id), response.header("Location"));
        FineTuneJobs.awaitEnd(alice, id);
    }

    @Test
    void afterARestartAJobLeftBuildingIsFailedAndARecentOneIsLeftAlone() {
        String stale = fakes.fineTuneJobs.seed("alice", "building", Instant.now().minus(Duration.ofHours(1)), null);
        String recent = fakes.fineTuneJobs.seed("alice", "uploading", Instant.now(), null);
        recovery.recover();
        JsonPath job = Gateway.withKey(alice).get("/api/fine-tune/" + stale).then().statusCode(200).extract()
                .jsonPath();
        assertEquals("failed", job.getString("status"));
        assertTrue(job.getString("message").contains("start the fine-tune again"), job.getString("message"));
        Gateway.withKey(alice).get("/api/fine-tune/" + recent).then().statusCode(200)
                .body("status", equalTo("uploading"));
    }
}
