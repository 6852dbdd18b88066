package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * GAIA-style evaluation end to end (issue 13), through the gateway only, on the real jars with embedded defaults and
 * the LLM faked by WireMock in this JVM ({@link FakeLlm}): the fixture folder {@code datasets/gaia-fixture} zipped and
 * imported (report: rows, files, rows without files, files without rows, the match), imported again (nothing
 * changes), a run scored per level and file type with the question, the file's text and the image in the prompts,
 * the scorer, a step edit with its history, a run with steps that flips the edited task wrong to right, the compare
 * view naming it, and a chart as PNG. A user key is refused. inference-service and retrieval-service play no part in
 * this flow: the fake stands in for them (their readiness only), which spares two JVMs on a small machine.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationSystemTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ADMIN_KEY = "ads_admin_" + UUID.randomUUID().toString().replace("-", "");
    static final String ANNOTATOR = "anna-" + RUN;
    /** How long an import or a run may take on a busy machine (-Dsystem-tests.evaluation-seconds). */
    static final int JOB_SECONDS = Integer.getInteger("system-tests.evaluation-seconds", 180);
    static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, String> PHRASES = GaiaFixture.PHRASES;
    static final String EDITED_STEP = "Add up all 15 values of the Square column.";

    static FakeLlm llm;
    static RunningSuite suite;
    static String gateway;
    static SuiteHttp http;
    static String annotatorKey;
    static String userKey;
    static byte[] snapshot;
    static String runA;
    static String runB;

    @BeforeAll
    static void start() throws Exception {
        llm = new FakeLlm();
        llm.answer(PHRASES.get(GaiaFixture.TXT), "The second line is http://www.apache.org.\nFINAL ANSWER: www.apache.org");
        llm.answer(PHRASES.get(GaiaFixture.CSV), "Row 12 lists 144.\nFINAL ANSWER: 144");
        // Wrong until the steps say to add the column up (then "1,240": the scorer drops the comma of a number).
        llm.answer(PHRASES.get(GaiaFixture.XLSX), "The last square is 225.\nFINAL ANSWER: 225");
        llm.answerWhen(PHRASES.get(GaiaFixture.XLSX), "Add up all 15 values", "1 + 4 + ... + 225.\nFINAL ANSWER: 1,240");
        llm.answer(PHRASES.get(GaiaFixture.PDF), "FINAL ANSWER: Apache Lucene PMC");
        llm.answer(PHRASES.get(GaiaFixture.PNG), "A black and white cat on grass.\nFINAL ANSWER: cat");
        llm.answer(PHRASES.get(GaiaFixture.DOCX), "FINAL ANSWER: Apache Tika"); // one of two: a list of the wrong length
        llm.answer(PHRASES.get(GaiaFixture.ZIP), "FINAL ANSWER: Java; XML; XSLT; JDOM; Indexation");
        llm.answer(PHRASES.get(GaiaFixture.HEXAGON), "6 x 7 = 42\nFINAL ANSWER: 42");
        llm.failOnce(PHRASES.get(GaiaFixture.HEXAGON)); // retried, then right
        llm.answer(PHRASES.get(GaiaFixture.MARS), "That would be the fourth planet from the Sun."); // no final answer
        llm.answer(PHRASES.get(GaiaFixture.MISSING_FILE), "No presentation came with it.\nFINAL ANSWER: unknown");

        suite = new RunningSuite();
        gateway = suite.startGateway(ADMIN_KEY, llm.standInBaseUrl(), llm.standInBaseUrl(), List.of(
                "-Dgateway.llm.base-url=" + llm.baseUrl(), "-Dgateway.llm.api-key=sk-e2e"));
        http = new SuiteHttp(Duration.ofSeconds(120));
        annotatorKey = key(ANNOTATOR, "annotator");
        userKey = key("ursula-" + RUN, "user");
        snapshot = GaiaFixture.zip();
    }

    @AfterAll
    static void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    @Order(1)
    void theSnapshotZipIsImportedWithAReportOfWhatDidNotMatch() throws Exception {
        JsonNode report = importSnapshot();

        assertEquals("completed", report.path("status").asText(), report.toString());
        assertEquals(List.of(GaiaFixture.METADATA), strings(report.path("metadata_files")), report.toString());
        assertEquals(GaiaFixture.TASKS, report.path("rows").path("received").asInt(), report.toString());
        assertEquals(GaiaFixture.TASKS, report.path("rows").path("created").asInt(), report.toString());
        assertEquals(GaiaFixture.FILES, report.path("files").path("uploaded").asInt(), report.toString());
        assertEquals(0, report.path("files").path("rejected").size(), report.toString());
        assertEquals(1.0, report.path("progress").asDouble(), 1e-9, report.toString());
        JsonNode withoutFile = report.path("rows_without_files");
        assertEquals(1, withoutFile.size(), report.toString());
        assertEquals(GaiaFixture.MISSING_FILE, withoutFile.path(0).path("task_id").asText());
        assertEquals(GaiaFixture.MISSING_FILE + ".pptx", withoutFile.path(0).path("file_name").asText());
        assertEquals(List.of(GaiaFixture.EXTRA_FILE), strings(report.path("files_without_rows")), report.toString());

        JsonNode match = report.path("match");
        List<String> matched = strings(match.path("matched"), "task_id");
        assertEquals(GaiaFixture.WITH_FILE_PRESENT.stream().sorted().toList(), matched.stream().sorted().toList(),
                match.toString());
        assertEquals(List.of(GaiaFixture.MISSING_FILE), strings(match.path("tasks_missing_file"), "task_id"));

        JsonNode task = ok(http.get(http.withKey(annotatorKey, gateway + "/api/v1/tasks/" + GaiaFixture.XLSX)));
        assertEquals(2, task.path("level").asInt());
        assertEquals(1, task.path("steps_version").asInt(), task.toString());
        assertEquals(1, task.path("files").size(), task.toString());
    }

    @Test
    @Order(2)
    void theSameZipImportedAgainChangesNothing() throws Exception {
        JsonNode report = importSnapshot();

        assertEquals("completed", report.path("status").asText(), report.toString());
        assertEquals(GaiaFixture.TASKS, report.path("rows").path("unchanged").asInt(), report.toString());
        assertEquals(0, report.path("rows").path("created").asInt(), report.toString());
        assertEquals(0, report.path("rows").path("updated").asInt(), report.toString());
        assertEquals(0, report.path("files").path("uploaded").asInt(), report.toString());
        assertEquals(GaiaFixture.FILES, report.path("files").path("already_stored").asInt(), report.toString());
        assertEquals(0, report.path("match").path("counts").path("new_links").asInt(), report.toString());
        JsonNode task = ok(http.get(http.withKey(annotatorKey, gateway + "/api/v1/tasks/" + GaiaFixture.XLSX)));
        assertEquals(1, task.path("files").size(), "no second link: " + task);
    }

    @Test
    @Order(3)
    void aUserKeyMayScoreButNotImportEvaluateOrEditSteps() throws Exception {
        String run = "{\"model\":\"gpt-4o-mini\",\"filter\":{\"levels\":[1]}}";
        assertEquals(403, http.postJson(http.withKey(userKey, gateway + "/api/v1/evaluations"), run).status());
        assertEquals(403, http.get(http.withKey(userKey, gateway + "/api/v1/evaluations")).status());
        assertEquals(403, http.send(http.withKey(userKey, gateway + "/api/v1/tasks/" + GaiaFixture.XLSX + "/steps")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"steps\":[\"Guess.\"]}"))).status());
        assertEquals(403, http.send(http.withKey(userKey, gateway + "/api/v1/tasks/import")
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(snapshot))).status());
        JsonNode score = ok(http.postJson(http.withKey(userKey, gateway + "/api/v1/evaluations/score"),
                "{\"model_answer\":\"$1,240\",\"ground_truth\":\"1240\"}"));
        assertTrue(score.path("correct").asBoolean(), score.toString());
    }

    @Test
    @Order(4)
    void aRunAsksTheLlmForEveryTaskAndScoresPerLevelAndFileType() throws Exception {
        JsonNode run = finish(startRun(false));
        runA = run.path("id").asText();

        assertEquals(GaiaFixture.TASKS, run.path("total").asInt(), run.toString());
        assertEquals(GaiaFixture.TASKS, run.path("done").asInt(), run.toString());
        assertEquals(0, run.path("errors").asInt(), run.toString());
        assertEquals(6, run.path("correct").asInt(), run.toString());
        assertEquals(0.6, run.path("accuracy").asDouble(), 1e-9, run.toString());
        assertEquals(ANNOTATOR, run.path("owner").asText());
        assertGroup(run.path("by_level"), "1", 4, 4);
        assertGroup(run.path("by_level"), "2", 4, 1);
        assertGroup(run.path("by_level"), "3", 2, 1);
        assertGroup(run.path("by_file_type"), "xlsx", 1, 0);
        assertGroup(run.path("by_file_type"), "png", 1, 1);
        assertGroup(run.path("by_file_type"), "zip", 1, 1);
        assertGroup(run.path("by_file_type"), "none", 2, 1);
        assertGroup(run.path("by_file_type"), "pptx", 1, 0);

        Map<String, JsonNode> results = results(runA);
        JsonNode xlsx = results.get(GaiaFixture.XLSX);
        assertEquals("225", xlsx.path("final_answer").asText(), xlsx.toString());
        assertFalse(xlsx.path("correct").asBoolean(), xlsx.toString());
        assertEquals("number", xlsx.path("score_kind").asText(), xlsx.toString());
        assertTrue(xlsx.path("prompt").asText().contains("Sample Excel Worksheet"), "the prompt sent: " + xlsx);
        assertEquals("1240", xlsx.path("ground_truth").asText());
        assertFalse(xlsx.path("steps_used").asBoolean(), xlsx.toString());
        assertEquals(1, xlsx.path("steps_version").asInt(), "the run records the steps' version: " + xlsx);
        JsonNode zip = results.get(GaiaFixture.ZIP);
        assertTrue(zip.path("correct").asBoolean(), zip.toString());
        assertEquals("list", zip.path("score_kind").asText(), zip.toString());
        JsonNode mars = results.get(GaiaFixture.MARS);
        assertTrue(mars.path("final_answer").isNull(), "no FINAL ANSWER: line: " + mars);
        assertFalse(mars.path("correct").asBoolean(), mars.toString());
        JsonNode hexagon = results.get(GaiaFixture.HEXAGON);
        assertEquals("done", hexagon.path("status").asText(), hexagon.toString());
        assertTrue(hexagon.path("attempts").asInt() >= 2, "the failed call was retried: " + hexagon);
        assertTrue(hexagon.path("latency_ms").asLong() >= 0, hexagon.toString());
        assertEquals(12, hexagon.path("output_tokens").asInt(), hexagon.toString());

        JsonNode wrong = ok(http.get(http.withKey(annotatorKey,
                gateway + "/api/v1/evaluations/" + runA + "/results?correct=false&level=2")));
        assertEquals(3, wrong.path("total").asInt(), wrong.toString());
    }

    @Test
    @Order(5)
    void thePromptsCarryTheQuestionTheFileTextAndTheImage() throws Exception {
        Map<String, String> fileText = Map.of(
                GaiaFixture.TXT, "Test d'indexation de Txt",
                GaiaFixture.CSV, "Numbers and their Squares",
                GaiaFixture.XLSX, "Sample Excel Worksheet",
                GaiaFixture.PDF, "Apache Lucene PMC",
                GaiaFixture.DOCX, "Sample Word Document",
                GaiaFixture.ZIP, "testXML.xml");
        for (Map.Entry<String, String> task : fileText.entrySet()) {
            String prompt = FakeLlm.text(llm.requestsWith(PHRASES.get(task.getKey())).get(0));
            assertTrue(prompt.contains(PHRASES.get(task.getKey())), prompt);
            assertTrue(prompt.contains(task.getValue()), task.getKey() + " lacks its file's text: " + prompt);
            assertTrue(prompt.contains("FINAL ANSWER"), "GAIA's system prompt: " + prompt);
        }
        String zip = FakeLlm.text(llm.requestsWith(PHRASES.get(GaiaFixture.ZIP)).get(0));
        assertTrue(zip.contains("JDOM") && zip.contains("testWORD.doc"), "each entry's text: " + zip);
        String noFile = FakeLlm.text(llm.requestsWith(PHRASES.get(GaiaFixture.MISSING_FILE)).get(0));
        assertFalse(noFile.contains("=== File:"), "a row whose file is missing gets no file: " + noFile);
        List<String> images = FakeLlm.imageUrls(llm.requestsWith(PHRASES.get(GaiaFixture.PNG)).get(0));
        assertEquals(1, images.size(), images.toString());
        assertTrue(images.get(0).startsWith("data:image/png;base64,"), images.get(0).substring(0, 40));
        byte[] sent = Base64.getDecoder().decode(images.get(0).substring(images.get(0).indexOf(',') + 1));
        assertArrayEquals(Files.readAllBytes(GaiaFixture.FOLDER.resolve("2023/validation/"
                + GaiaFixture.PNG + ".png")), sent, "the image itself is sent");
        // Two calls for the task whose first call failed, one for every other task.
        assertEquals(2, llm.requestsWith(PHRASES.get(GaiaFixture.HEXAGON)).size());
        assertEquals(1, llm.requestsWith(PHRASES.get(GaiaFixture.MARS)).size());
    }

    @Test
    @Order(6)
    void anAnnotatorEditsStepsAsANewVersionThatALaterImportKeeps() throws Exception {
        String path = gateway + "/api/v1/tasks/" + GaiaFixture.XLSX + "/steps";
        String body = JSON.writeValueAsString(Map.of("steps", List.of("Open the attached spreadsheet.",
                "Find the Square column.", EDITED_STEP), "note", "the answer is the column's sum, not its last value"));
        JsonNode saved = ok(http.send(http.withKey(annotatorKey, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))));
        assertEquals(2, saved.path("version").asInt(), saved.toString());
        assertTrue(saved.path("changed").asBoolean(), saved.toString());
        assertEquals(ANNOTATOR, saved.path("author").asText());
        assertEquals("annotator", saved.path("role").asText());
        Map<String, String> diff = new HashMap<>();
        saved.path("diff").forEach(d -> diff.put(d.path("step").asText(), d.path("op").asText()));
        assertEquals("added", diff.get(EDITED_STEP), saved.toString());
        assertEquals("removed", diff.get("Read the last value of the Square column."), saved.toString());
        assertEquals("unchanged", diff.get("Open the attached spreadsheet."), saved.toString());

        JsonNode again = ok(http.send(http.withKey(annotatorKey, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))));
        assertFalse(again.path("changed").asBoolean(), again.toString());
        assertEquals(2, again.path("version").asInt(), again.toString());

        JsonNode history = ok(http.get(http.withKey(annotatorKey, path + "/history")));
        assertEquals(2, history.path("current_version").asInt(), history.toString());
        assertEquals(List.of(2, 1), history.path("versions").findValues("version").stream().map(JsonNode::asInt)
                .toList(), history.toString());
        assertEquals("import", history.path("versions").path(1).path("author").asText(), history.toString());

        assertEquals("completed", importSnapshot().path("status").asText());
        JsonNode task = ok(http.get(http.withKey(annotatorKey, gateway + "/api/v1/tasks/" + GaiaFixture.XLSX)));
        assertEquals(2, task.path("steps_version").asInt(), "the import kept the edited steps: " + task);
        assertEquals(3, task.path("number_of_steps").asInt(), task.toString());
        assertTrue(task.path("steps").asText().contains("3. " + EDITED_STEP), task.toString());
    }

    @Test
    @Order(7)
    void aRunWithTheEditedStepsFlipsThatTaskAndCompareShowsIt() throws Exception {
        JsonNode run = finish(startRun(true));
        runB = run.path("id").asText();
        assertEquals(7, run.path("correct").asInt(), run.toString());
        JsonNode xlsx = results(runB).get(GaiaFixture.XLSX);
        assertTrue(xlsx.path("correct").asBoolean(), xlsx.toString());
        assertTrue(xlsx.path("steps_used").asBoolean(), xlsx.toString());
        assertEquals(2, xlsx.path("steps_version").asInt(), xlsx.toString());
        assertTrue(xlsx.path("prompt").asText().contains(EDITED_STEP), xlsx.toString());
        assertTrue(FakeLlm.text(llm.requestsWith("Add up all 15 values").get(0)).contains(EDITED_STEP));

        JsonNode compare = ok(http.get(http.withKey(annotatorKey,
                gateway + "/api/v1/evaluations/compare?a=" + runA + "&b=" + runB)));
        assertEquals(GaiaFixture.TASKS, compare.path("common_tasks").asInt(), compare.toString());
        assertEquals(0, compare.path("right_to_wrong").size(), compare.toString());
        JsonNode flipped = compare.path("wrong_to_right");
        assertEquals(1, flipped.size(), compare.toString());
        assertEquals(GaiaFixture.XLSX, flipped.path(0).path("task_id").asText());
        assertTrue(flipped.path(0).path("steps_edited").asBoolean(), compare.toString());
        assertEquals(1, flipped.path(0).path("steps_version_a").asInt(), compare.toString());
        assertEquals(2, flipped.path(0).path("steps_version_b").asInt(), compare.toString());
        assertEquals(1, compare.path("flipped_with_steps_edited").asInt(), compare.toString());
        JsonNode level2 = StreamSupport.stream(compare.path("by_level").spliterator(), false)
                .filter(level -> level.path("level").asInt() == 2).findFirst().orElseThrow(AssertionError::new);
        assertEquals(1, level2.path("wrong_to_right").asInt(), level2.toString());
        assertEquals(1, level2.path("stayed_right").asInt(), level2.toString());
        assertEquals(2, level2.path("stayed_wrong").asInt(), level2.toString());
    }

    @Test
    @Order(8)
    void theChartsLoadAsPng() throws Exception {
        for (String chart : List.of("/api/v1/evaluations/compare/chart?a=" + runA + "&b=" + runB + "&format=png",
                "/api/v1/evaluations/charts/accuracy?runs=" + runA + "," + runB + "&format=png",
                "/api/v1/evaluations/" + runA + "/charts/latency?format=png")) {
            SuiteHttp.Answer png = http.get(http.withKey(annotatorKey, gateway + chart));
            assertEquals(200, png.status(), chart + " " + png.text());
            assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png.body(), 4), chart);
        }
        JsonNode accuracy = ok(http.get(http.withKey(annotatorKey,
                gateway + "/api/v1/evaluations/charts/accuracy?runs=" + runA + "," + runB)));
        assertTrue(accuracy.toString().contains(runB), accuracy.toString());
    }

    /** POSTs the zip, follows Location until the import has ended, and answers its report. */
    private static JsonNode importSnapshot() throws Exception {
        SuiteHttp.Answer accepted = http.send(http.withKey(annotatorKey, gateway + "/api/v1/tasks/import")
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(snapshot)));
        assertEquals(202, accepted.status(), accepted.text());
        String id = JSON.readTree(accepted.body()).path("id").asText();
        return poll("/api/v1/tasks/imports/" + id, report -> !"running".equals(report.path("status").asText()));
    }

    private static String startRun(boolean useSteps) throws Exception {
        String body = JSON.writeValueAsString(Map.of("model", "gpt-4o-mini", "use_steps", useSteps,
                "concurrency", 2, "vision", true, "filter", Map.of()));
        SuiteHttp.Answer accepted = http.postJson(http.withKey(annotatorKey, gateway + "/api/v1/evaluations"), body);
        assertEquals(202, accepted.status(), accepted.text());
        JsonNode run = JSON.readTree(accepted.body());
        assertEquals(GaiaFixture.TASKS, run.path("total").asInt(), run.toString());
        return run.path("id").asText();
    }

    private static JsonNode finish(String id) throws Exception {
        JsonNode run = poll("/api/v1/evaluations/" + id, r -> Set.of("completed", "cancelled", "failed")
                .contains(r.path("status").asText()));
        assertEquals("completed", run.path("status").asText(), run.toString());
        return run;
    }

    /** GETs {@code path} until {@code ended} holds (a job's progress), at most {@link #JOB_SECONDS}. */
    private static JsonNode poll(String path, Predicate<JsonNode> ended) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(JOB_SECONDS).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = ok(http.get(http.withKey(annotatorKey, gateway + path)));
            if (ended.test(last)) {
                return last;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(path + " still not ended after " + JOB_SECONDS + " s: " + last);
    }

    /** The run's result rows by task id (one page holds the fixture). */
    private static Map<String, JsonNode> results(String run) throws Exception {
        JsonNode page = ok(http.get(http.withKey(annotatorKey,
                gateway + "/api/v1/evaluations/" + run + "/results?size=100")));
        assertEquals(GaiaFixture.TASKS, page.path("total").asInt(), page.toString());
        Map<String, JsonNode> rows = new HashMap<>();
        page.path("items").forEach(row -> rows.put(row.path("task_id").asText(), row));
        return rows;
    }

    private static void assertGroup(JsonNode groups, String key, int total, int correct) {
        for (JsonNode group : groups) {
            if (key.equals(group.path("key").asText())) {
                assertEquals(total, group.path("total").asInt(), group.toString());
                assertEquals(correct, group.path("correct").asInt(), group.toString());
                assertEquals((double) correct / total, group.path("accuracy").asDouble(), 1e-9, group.toString());
                return;
            }
        }
        throw new AssertionError("no group " + key + " in " + groups);
    }

    private static JsonNode ok(SuiteHttp.Answer answer) throws Exception {
        assertEquals(200, answer.status(), answer.text());
        return JSON.readTree(answer.body());
    }

    private static String key(String user, String role) throws Exception {
        SuiteHttp.Answer created = http.postJson(http.withKey(ADMIN_KEY, gateway + "/api/v1/keys"),
                JSON.writeValueAsString(Map.of("user_id", user, "role", role)));
        assertEquals(201, created.status(), created.text());
        return JSON.readTree(created.body()).path("key").asText();
    }

    /** The array's texts, or the texts of {@code field} of its objects. */
    private static List<String> strings(JsonNode array, String... field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> (field.length == 0 ? n : n.path(field[0])).asText()).toList();
    }
}
