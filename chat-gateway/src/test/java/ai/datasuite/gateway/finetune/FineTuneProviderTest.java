package ai.datasuite.gateway.finetune;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.llm.ModelChoice;
import ai.datasuite.gateway.support.FakeFineTuneOpenAi;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;

/** Fine-tune with an OpenAI-compatible provider (WireMock): upload, job with the chosen hyperparameters, polling. */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
@WithTestResource(FakeFineTuneOpenAi.class)
class FineTuneProviderTest {

    @InjectFakes
    FakeServices fakes;
    @InjectFakes
    WireMockServer provider;
    @Inject
    ModelChoice models;
    @Inject
    FineTuneRecovery recovery;

    private static String dora;
    private static String erik;

    @BeforeEach
    void material() {
        fakes.plugFineTune();
        if (dora == null) {
            dora = ApiKeys.generate();
            erik = ApiKeys.generate();
            fakes.keys.seed(dora, "dora", "user");
            fakes.keys.seed(erik, "erik", "user");
            fakes.fineTuneMaterial.addDataset("dora", FineTuneJobs.rows("dora", 12));
            fakes.fineTuneMaterial.addDataset("erik", FineTuneJobs.rows("erik", 12));
            fakes.fineTuneMaterial.addRatedTurn("erik", "Erik's private question?", "Erik's answer.", 1);
        }
    }

    @Test
    void theProviderGetsTheUsersTrainingSetAndHyperparametersAndTheModelIsShown() {
        FakeFineTuneOpenAi.succeeding(provider);
        String id = Gateway.withKey(dora).contentType(ContentType.JSON)
                .body("{\"parameters\": {\"epochs\": 7, \"learning_rate\": 0.05}}").post("/api/fine-tune").then()
                .statusCode(202).extract().path("job_id");
        JsonPath job = FineTuneJobs.awaitEnd(dora, id);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(FakeFineTuneOpenAi.MODEL, job.getString("model"));
        assertEquals(12, job.getInt("examples"));
        assertEquals("gpt-4o-mini-2024-07-18", job.getString("base_model"));
        assertTrue(job.getString("message").contains(FakeFineTuneOpenAi.MODEL), job.getString("message"));

        // The upload: multipart with purpose fine-tune and the JSONL of dora's pairs only, with the provider's key.
        List<LoggedRequest> uploads = provider.findAll(postRequestedFor(urlPathEqualTo("/v1/files")));
        assertEquals(1, uploads.size());
        LoggedRequest upload = uploads.get(0);
        assertEquals("Bearer " + FakeFineTuneOpenAi.API_KEY, upload.getHeader("Authorization"));
        String body = new String(upload.getBody(), StandardCharsets.UTF_8);
        assertTrue(body.contains("name=\"purpose\"\r\n\r\nfine-tune"), body);
        assertTrue(body.contains("\"content\":\"dora context 7.\\nSecond line.\\n\\nQuestion: dora question 7?\"},"
                + "{\"role\":\"assistant\",\"content\":\"dora answer 7.\"}"), body);
        assertFalse(body.contains("erik") || body.contains("Erik"), "only dora's material");
        long lines = body.lines().filter(line -> line.startsWith("{\"messages\":")).count();
        assertEquals(12, lines, body);

        // The job: the chosen hyperparameters, the uploaded file, the configured base model.
        provider.verify(1, postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs"))
                .withHeader("Authorization", equalTo("Bearer " + FakeFineTuneOpenAi.API_KEY))
                .withRequestBody(equalToJson("{\"training_file\": \"" + FakeFineTuneOpenAi.FILE_ID + "\","
                        + " \"model\": \"gpt-4o-mini-2024-07-18\","
                        + " \"hyperparameters\": {\"n_epochs\": 7, \"learning_rate_multiplier\": 0.05}}")));
        // Polled until it succeeded (running first).
        provider.verify(2, getRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs/" + FakeFineTuneOpenAi.JOB_ID)));
        assertEquals(List.of("building", "uploading", "running", "succeeded"), fakes.fineTuneJobs.statuses(id));
        assertEquals(FakeFineTuneOpenAi.JOB_ID, fakes.fineTuneJobs.job(id).getString("provider_job_id"));
        assertEquals(FakeFineTuneOpenAi.FILE_ID, fakes.fineTuneJobs.job(id).getString("provider_file_id"));

        // dora's chats now use her model; erik's the default.
        assertEquals(FakeFineTuneOpenAi.MODEL, models.modelFor("dora"));
        assertEquals("gpt-4o-mini", models.modelFor("erik"));
        Gateway.withKey(erik).get("/api/fine-tune/" + id).then().statusCode(404);
    }

    @Test
    void aProviderRefusalFailsTheJobWithItsWords() {
        FakeFineTuneOpenAi.refusing(provider, "Model gpt-4o-mini-2024-07-18 is not available for fine-tuning");
        String id = Gateway.withKey(erik).contentType(ContentType.JSON)
                .body("{\"parameters\": {\"epochs\": 3, \"learning_rate\": 0.1}}").post("/api/fine-tune").then()
                .statusCode(202).extract().path("job_id");
        JsonPath job = FineTuneJobs.awaitEnd(erik, id);
        assertEquals("failed", job.getString("status"));
        String message = job.getString("message");
        assertTrue(message.contains("answered 400") && message.contains("not available for fine-tuning"), message);
        assertTrue(job.getString("training_file_id") != null, "the training set was stored before the upload");
    }

    @Test
    void afterARestartARunningJobIsFollowedAgainToItsEnd() {
        FakeFineTuneOpenAi.succeeding(provider);
        String id = fakes.fineTuneJobs.seed("erik", "running", Instant.now(), FakeFineTuneOpenAi.JOB_ID);
        recovery.recover();
        JsonPath job = FineTuneJobs.awaitEnd(erik, id);
        assertEquals("succeeded", job.getString("status"));
        assertEquals(FakeFineTuneOpenAi.MODEL, job.getString("model"));
        provider.verify(0, postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs"))); // followed, not started again
    }
}
