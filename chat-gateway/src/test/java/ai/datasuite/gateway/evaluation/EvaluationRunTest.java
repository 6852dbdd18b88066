package ai.datasuite.gateway.evaluation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

import ai.datasuite.gateway.support.FakeEvaluationFiles;
import ai.datasuite.gateway.support.FakeOpenAi;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.InjectFakes;

/**
 * Evaluation runs against a fake LLM (WireMock) and fake metadata/ingest: what the prompt carries, how answers are
 * scored and recorded, retries, cancel, the budget and the resume after a restart.
 */
@QuarkusTest
@TestProfile(EvaluationProfile.class)
class EvaluationRunTest {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
            + "/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");

    @InjectFakes
    FakeServices fakes;
    @InjectFakes
    FakeOpenAi llm;
    @Inject
    EvaluationRecovery recovery;
    @Inject
    EvaluationRunner runner;

    private EvaluationFakes data;
    private String tag;

    @BeforeEach
    void plug() {
        data = EvaluationFakes.plug(fakes);
        tag = Long.toString(System.nanoTime(), 36);
        llm.reset();
    }

    private String id(String name) {
        return name + "-" + tag;
    }

    private String run(String... taskIds) {
        return run(Map.of(), taskIds);
    }

    private String run(Map<String, Object> options, String... taskIds) {
        JsonObject body = new JsonObject(new java.util.HashMap<>(options))
                .put("filter", new JsonObject().put("task_ids", List.of(taskIds)));
        return data.start(body.encode());
    }

    @Test
    void thePromptCarriesGaiasSystemPromptTheQuestionAndTheFilesTextAndARightAnswerScores() {
        FakeEvaluationFiles.Stored sales = data.files().put("ann", "sales.txt", "text/plain",
                "Burgers 1200\nFries 40".getBytes(StandardCharsets.UTF_8), "Burgers 1200\nFries 40", null);
        data.metadata().addTask(id("sales"), 1, "What were the total food sales " + tag + "?", "1240",
                "sales.txt", "1. Open the file\n2. Sum the food column", sales.view());
        EvaluationFakes.answer(llm, "total food sales " + tag, "Adding 1200 and 40. FINAL ANSWER: $1,240");

        JsonPath run = data.awaitEnd(run(id("sales")));

        assertEquals("completed", run.getString("status"));
        assertEquals(1, run.getInt("done"));
        assertEquals(1, run.getInt("correct"));
        JsonObject sent = EvaluationFakes.requestsWith(llm, "total food sales " + tag).get(0);
        assertEquals("gpt-4o-mini", sent.getString("model"));
        assertEquals(0.0, sent.getDouble("temperature"));
        JsonObject system = sent.getJsonArray("messages").getJsonObject(0);
        assertEquals("system", system.getString("role"));
        assertEquals(PromptBuilder.GAIA_SYSTEM_PROMPT, system.getString("content"));
        String user = EvaluationFakes.userText(sent);
        assertThat(user, containsString("What were the total food sales " + tag + "?"));
        assertThat(user, containsString("=== File: sales.txt (text/plain) ===\nBurgers 1200\nFries 40"));
        assertThat(user, not(containsString("Open the file"))); // use_steps is off

        JsonObject row = data.metadata().result(run.getString("id"), id("sales"));
        assertEquals("done", row.getString("status"));
        assertEquals(user, row.getString("prompt"));
        assertEquals("Adding 1200 and 40. FINAL ANSWER: $1,240", row.getString("raw_answer"));
        assertEquals("$1,240", row.getString("final_answer"));
        assertTrue(row.getBoolean("correct"), row.encodePrettily());
        assertEquals("number", row.getString("score_kind"));
        assertEquals(1, row.getInteger("attempts"));
        assertEquals(321, row.getInteger("input_tokens"));
        assertEquals(17, row.getInteger("output_tokens"));
        assertTrue(row.getLong("latency_ms") >= 0, row.encodePrettily());
        assertFalse(row.getBoolean("truncated"));
        assertEquals(1, row.getInteger("steps_version"));
        assertFalse(row.getBoolean("steps_used"));
        // the task and its file are read as the run's owner; the row and the status as the gateway's service
        assertTrue(data.metadata().taskReads.contains(id("sales") + " ann annotator"), data.metadata().taskReads
                .toString());
        assertTrue(data.files().reads.contains(sales.id() + "/text ann annotator"), data.files().reads.toString());
        assertEquals(List.of("running", "completed"), data.metadata().statuses(run.getString("id")));
        assertTrue(data.metadata().patches.stream().allMatch(p -> p.identity().role().equals("service")));
    }

    @Test
    void aWrongAnswerAndAnAnswerWithoutFinalAnswerScoreWrong() {
        data.metadata().addTask(id("capital"), 2, "Capital of France " + tag + "?", "Paris", null, null);
        data.metadata().addTask(id("moons"), 2, "How many moons has Mars " + tag + "?", "2", null, null);
        EvaluationFakes.answer(llm, "Capital of France " + tag, "I think so. FINAL ANSWER: Lyon");
        EvaluationFakes.answer(llm, "moons has Mars " + tag, "Mars has two small moons.");

        JsonPath run = data.awaitEnd(run(id("capital"), id("moons")));

        assertEquals("completed", run.getString("status"));
        assertEquals(2, run.getInt("done"));
        assertEquals(0, run.getInt("correct"));
        assertEquals(0.0, run.getDouble("accuracy"));
        JsonObject capital = data.metadata().result(run.getString("id"), id("capital"));
        assertEquals("Lyon", capital.getString("final_answer"));
        assertFalse(capital.getBoolean("correct"));
        assertEquals("string", capital.getString("score_kind"));
        JsonObject moons = data.metadata().result(run.getString("id"), id("moons"));
        assertEquals("done", moons.getString("status"));
        assertNull(moons.getString("final_answer"), "no FINAL ANSWER: scored as None");
        assertFalse(moons.getBoolean("correct"));
        assertEquals("number", moons.getString("score_kind"));
    }

    @Test
    void anImageTaskSendsTheImageWithVisionAndItsFactsWithout() {
        FakeEvaluationFiles.Stored photo = data.files().put("ann", "photo.png", "image/png", PNG,
                "photo.png: image/png, 1 x 1 px", Map.of("width", 1, "height", 1, "format", "PNG"));
        data.metadata().addTask(id("photo"), 1, "What colour is the pixel " + tag + "?", "black", "photo.png",
                null, photo.view());
        EvaluationFakes.answer(llm, "colour is the pixel " + tag, "FINAL ANSWER: black");

        String withVision = run(id("photo"));
        data.awaitEnd(withVision);
        JsonObject sent = EvaluationFakes.requestsWith(llm, "colour is the pixel " + tag).get(0);
        List<String> images = EvaluationFakes.imageUrls(sent);
        assertEquals(1, images.size(), sent.encodePrettily());
        assertTrue(images.get(0).startsWith("data:image/png;base64,"), images.get(0));
        assertArrayEquals(PNG, Base64.getDecoder().decode(images.get(0).substring(images.get(0).indexOf(',') + 1)));
        String stored = data.metadata().result(withVision, id("photo")).getString("prompt");
        assertThat(stored, containsString("[image: photo.png, " + PNG.length + " bytes, sent as image content]"));
        assertTrue(data.metadata().result(withVision, id("photo")).getBoolean("correct"));

        llm.reset();
        EvaluationFakes.answer(llm, "colour is the pixel " + tag, "FINAL ANSWER: black");
        String withoutVision = run(Map.of("vision", false), id("photo"));
        data.awaitEnd(withoutVision);
        JsonObject described = EvaluationFakes.requestsWith(llm, "colour is the pixel " + tag).get(0);
        assertEquals(List.of(), EvaluationFakes.imageUrls(described));
        String text = EvaluationFakes.userText(described);
        assertThat(text, containsString("=== File: photo.png (image/png; an image, described by its facts) ==="));
        assertThat(text, containsString("width: 1"));
        assertThat(text, containsString("photo.png: image/png, 1 x 1 px"));
        assertFalse(text.contains("base64"), text);
    }

    @Test
    void aStepEditChangesTheNextRunsPromptWhenStepsAreUsed() {
        data.metadata().addTask(id("steps"), 2, "How many rows hold food " + tag + "?", "3", null,
                "1. Open the file\n2. Count the rows");
        EvaluationFakes.answer(llm, "rows hold food " + tag, "FINAL ANSWER: 3");

        String first = run(Map.of("use_steps", true), id("steps"));
        data.awaitEnd(first);
        data.metadata().editSteps(id("steps"), "1. Open the file\n2. Count only the rows with food");
        String second = run(Map.of("use_steps", true), id("steps"));
        data.awaitEnd(second);

        List<JsonObject> sent = EvaluationFakes.requestsWith(llm, "rows hold food " + tag);
        assertEquals(2, sent.size());
        String before = EvaluationFakes.userText(sent.get(0));
        String after = EvaluationFakes.userText(sent.get(1));
        assertThat(before, containsString("2. Count the rows"));
        assertThat(after, containsString("2. Count only the rows with food"));
        assertThat(after, not(containsString("2. Count the rows")));
        JsonObject a = data.metadata().result(first, id("steps"));
        JsonObject b = data.metadata().result(second, id("steps"));
        assertEquals(1, a.getInteger("steps_version"));
        assertEquals(2, b.getInteger("steps_version"));
        assertTrue(a.getBoolean("steps_used") && b.getBoolean("steps_used"));
    }

    @Test
    void aFailingCallIsRetriedAndSucceedsOnTheThirdAttempt() {
        data.metadata().addTask(id("flaky"), 1, "Flaky question " + tag + "?", "7", null, null);
        String scenario = "flaky-" + tag;
        String phrase = "Flaky question " + tag;
        llm.server().stubFor(post(urlPathEqualTo(FakeOpenAi.COMPLETIONS)).atPriority(1)
                .withRequestBody(containing(phrase)).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        llm.server().stubFor(post(urlPathEqualTo(FakeOpenAi.COMPLETIONS)).atPriority(1)
                .withRequestBody(containing(phrase)).inScenario(scenario).whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed twice"));
        llm.server().stubFor(post(urlPathEqualTo(FakeOpenAi.COMPLETIONS)).atPriority(1)
                .withRequestBody(containing(phrase)).inScenario(scenario).whenScenarioStateIs("failed twice")
                .willReturn(EvaluationFakes.completion("FINAL ANSWER: 7")));

        JsonPath run = data.awaitEnd(run(id("flaky")));

        assertEquals("completed", run.getString("status"));
        JsonObject row = data.metadata().result(run.getString("id"), id("flaky"));
        assertEquals("done", row.getString("status"), row.encodePrettily());
        assertEquals(3, row.getInteger("attempts"));
        assertTrue(row.getBoolean("correct"));
        assertEquals(3, EvaluationFakes.requestsWith(llm, phrase).size());
    }

    @Test
    void aCallThatAlwaysFailsIsAnErrorRowAndTheRunGoesOn() {
        data.metadata().addTask(id("broken"), 1, "Broken question " + tag + "?", "7", null, null);
        data.metadata().addTask(id("fine"), 1, "Fine question " + tag + "?", "8", null, null);
        llm.server().stubFor(post(urlPathEqualTo(FakeOpenAi.COMPLETIONS)).atPriority(1)
                .withRequestBody(containing("Broken question " + tag)).willReturn(aResponse().withStatus(500)));
        EvaluationFakes.answer(llm, "Fine question " + tag, "FINAL ANSWER: 8");

        JsonPath run = data.awaitEnd(run(Map.of("concurrency", 1), id("broken"), id("fine")));

        assertEquals("completed", run.getString("status"));
        assertEquals(2, run.getInt("done"));
        assertEquals(1, run.getInt("errors"));
        assertEquals(1, run.getInt("correct"));
        JsonObject row = data.metadata().result(run.getString("id"), id("broken"));
        assertEquals("error", row.getString("status"));
        assertEquals(3, row.getInteger("attempts")); // 1 + gateway.evaluations.max-retries (2)
        assertThat(row.getString("error"), containsString("failed: HTTP 500"));
        assertThat(row.getString("error"), containsString("gateway.evaluations.max-retries"));
        assertNull(row.getBoolean("correct"));
        assertThat(row.getString("prompt"), containsString("Broken question " + tag));
        assertEquals(3, EvaluationFakes.requestsWith(llm, "Broken question " + tag).size());
        assertEquals("done", data.metadata().result(run.getString("id"), id("fine")).getString("status"));
    }

    @Test
    void aCancelledRunTakesNoFurtherTask() throws InterruptedException {
        String[] ids = new String[8];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id("slow" + i);
            data.metadata().addTask(ids[i], 1, "Slow question " + tag + " number " + i + "?", "1", null, null);
        }
        llm.server().stubFor(post(urlPathEqualTo(FakeOpenAi.COMPLETIONS)).atPriority(1)
                .withRequestBody(containing("Slow question " + tag))
                .willReturn(EvaluationFakes.completion("FINAL ANSWER: 1").withFixedDelay(1000)));

        String runId = run(Map.of("concurrency", 1), ids);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (EvaluationFakes.requestsWith(llm, "Slow question " + tag).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        data.annotatorCancel(runId);
        while (runner.running(runId) && System.nanoTime() < deadline + 5_000_000_000L) {
            Thread.sleep(20);
        }

        assertFalse(runner.running(runId), "the run stopped");
        JsonPath run = data.awaitEnd(runId);
        assertEquals("cancelled", run.getString("status"));
        int asked = EvaluationFakes.requestsWith(llm, "Slow question " + tag).size();
        // the call in flight (1 s each), perhaps one more racing the cancel; never the other six
        assertThat(asked, lessThanOrEqualTo(2));
        assertThat(run.getInt("done"), lessThan(ids.length));
        assertFalse(data.metadata().statuses(runId).contains("completed"));
    }

    @Test
    void fileTextOverTheBudgetIsCutAndTheResultSaysSo() {
        String big = "row of numbers 12345 ".repeat(400); // 8400 characters
        FakeEvaluationFiles.Stored table = data.files().put("ann", "big.txt", "text/plain",
                big.getBytes(StandardCharsets.UTF_8), big, null);
        FakeEvaluationFiles.Stored small = data.files().put("ann", "small.txt", "text/plain",
                "the small file".getBytes(StandardCharsets.UTF_8), "the small file", null);
        data.metadata().addTask(id("big"), 3, "Sum the big table " + tag + "?", "5", "big.txt", null,
                table.view(), small.view());
        EvaluationFakes.answer(llm, "Sum the big table " + tag, "FINAL ANSWER: 5");

        JsonPath run = data.awaitEnd(run(id("big")));

        JsonObject row = data.metadata().result(run.getString("id"), id("big"));
        assertTrue(row.getBoolean("truncated"), row.encodePrettily());
        assertThat(row.getString("notes"), containsString("gateway.evaluations.max-prompt-chars ("
                + EvaluationProfile.MAX_PROMPT_CHARS + " characters)"));
        assertThat(row.getString("notes"), containsString("big.txt 8400 -> "));
        String sent = EvaluationFakes.userText(EvaluationFakes.requestsWith(llm, "Sum the big table " + tag).get(0));
        assertThat(sent.length(), lessThanOrEqualTo(EvaluationProfile.MAX_PROMPT_CHARS + 100));
        assertThat(sent, containsString("the small file")); // the short file is kept whole
        assertThat(sent, containsString("[... cut: the prompt holds at most"));
    }

    @Test
    void aTemplatePlacesTheQuestionAndAFileItLeavesOutIsAppended() {
        FakeEvaluationFiles.Stored notes = data.files().put("ann", "notes.txt", "text/plain",
                "the notes".getBytes(StandardCharsets.UTF_8), "the notes", null);
        data.metadata().addTask(id("tpl"), 1, "Template question " + tag + "?", "x", "notes.txt", null,
                notes.view());
        EvaluationFakes.answer(llm, "Template question " + tag, "FINAL ANSWER: x");

        String runId = run(Map.of("prompt_template", "Answer briefly.\nQ: {{question}}"), id("tpl"));
        data.awaitEnd(runId);

        String sent = EvaluationFakes.userText(EvaluationFakes.requestsWith(llm, "Template question " + tag).get(0));
        assertTrue(sent.startsWith("Answer briefly.\nQ: Template question " + tag + "?\n\n=== File: notes.txt"),
                sent);
    }

    @Test
    void aRunLeftRunningByAStoppedGatewayIsResumedForItsPendingRows() {
        data.metadata().addTask(id("left"), 1, "Left question " + tag + "?", "4", null, null);
        EvaluationFakes.answer(llm, "Left question " + tag, "FINAL ANSWER: 4");
        String runId = data.metadata().seedRun("ann", "running", List.of(id("left")));

        assertTrue(recovery.recover());

        JsonPath run = data.awaitEnd(runId);
        assertEquals("completed", run.getString("status"));
        assertEquals(1, run.getInt("correct"));
        assertEquals(List.of("completed"), data.metadata().statuses(runId)); // running already: no second PATCH
    }

    @Test
    void aResumedRunKeepsItsOwnersRoleAndItsVisionChoice() {
        // An admin's run over another user's image, asked without vision: resumed, it still reads the task as an
        // admin (so the file is there) and still describes the image by its facts.
        FakeEvaluationFiles.Stored photo = data.files().put("someone", "pixel.png", "image/png", PNG,
                "pixel.png: image/png, 1 x 1 px", Map.of("width", 1, "height", 1, "format", "PNG"));
        data.metadata().addTask(id("pixel"), 1, "Which pixel colour " + tag + "?", "black", "pixel.png", null,
                photo.view());
        EvaluationFakes.answer(llm, "Which pixel colour " + tag, "FINAL ANSWER: black");
        String runId = data.metadata().seedRun("root", "admin", false, "running", List.of(id("pixel")));

        assertTrue(recovery.recover());

        assertEquals("completed", data.awaitEnd(runId).getString("status"));
        assertTrue(data.metadata().taskReads.contains(id("pixel") + " root admin"), data.metadata().taskReads
                .toString());
        JsonObject sent = EvaluationFakes.requestsWith(llm, "Which pixel colour " + tag).get(0);
        assertEquals(List.of(), EvaluationFakes.imageUrls(sent));
        assertThat(EvaluationFakes.userText(sent), containsString("pixel.png: image/png, 1 x 1 px"));
    }
}
