package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * kill -9 of retrieval-service at seeded random moments while a user upserts documents and an embedding model is being
 * fitted, a few rounds, restarting it each time: after each restart the service is ready, an earlier model still
 * answers, every acknowledged document is searchable, and a killed fit leaves no half model, neither in the listing
 * nor on disk. Rounds: {@code -Dreliability.crash.retrieval-rounds} (3); seed: {@code -Dreliability.crash.seed}.
 */
class RetrievalCrashSystemTest {

    static final int ROUNDS = Integer.getInteger("reliability.crash.retrieval-rounds", 3);
    static final long SEED = Long.getLong("reliability.crash.seed", 20261202L);
    static final int WRITERS = 3;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String USER = "rcrash-" + RUN;
    static final ObjectMapper JSON = new ObjectMapper();

    static RunningSuite suite;
    static String retrieval;
    static SuiteHttp http;

    /** An upsert that got a 2xx: its file id and the unique word each of its chunks carries. */
    record Acknowledged(String fileId, List<String> words) {
    }

    @BeforeAll
    static void start() throws Exception {
        suite = new RunningSuite();
        retrieval = suite.startRetrieval();
        http = new SuiteHttp(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void killedUpsertsAndFitsLeaveOnlyWholeDocumentsAndModels() throws Exception {
        Random random = new Random(SEED);
        String dataset = uploadDataset();
        // A model fitted before any crash must survive every one; its fit time sizes the window for the kills.
        long fitStarted = System.nanoTime();
        SuiteHttp.Answer whole = fit(dataset, "whole-" + RUN);
        long fitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - fitStarted);
        assertEquals(200, whole.status(), whole.text());

        List<Acknowledged> acknowledged = new ArrayList<>();
        List<String> fitsKilled = new ArrayList<>();
        List<String> fitsDone = new ArrayList<>(List.of("whole-" + RUN));
        long restartNanos = 0;
        int round = 0;
        try {
            for (; round < ROUNDS; round++) {
                restartNanos += crashRound(round, random, dataset, fitMillis, acknowledged, fitsDone, fitsKilled);
            }
            assertTrue(!acknowledged.isEmpty(), "no upsert was acknowledged in " + ROUNDS + " rounds");
        } finally {
            // The figures, also when a round fails: how far it got.
            System.out.printf("reliability crash retrieval rounds=%d acknowledged-documents=%d fits-killed=%d"
                            + " fits-completed=%d fit=%dms restart-avg=%dms%n", round, acknowledged.size(),
                    fitsKilled.size(), fitsDone.size() - 1, fitMillis,
                    TimeUnit.NANOSECONDS.toMillis(restartNanos) / Math.max(1, round));
        }
    }

    /** One round: writers and a fit, a kill at a random moment, a restart, the checks; returns the restart time. */
    private static long crashRound(int round, Random random, String dataset, long fitMillis,
                                   List<Acknowledged> acknowledged, List<String> fitsDone, List<String> fitsKilled)
            throws Exception {
        AtomicBoolean down = new AtomicBoolean();
        ConcurrentLinkedQueue<Acknowledged> acks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String prefix = "doc-" + round + "-" + w + "-" + RUN;
            Random writer = new Random(random.nextLong());
            threads.add(new Thread(() -> upsert(prefix, writer, down, acks, refused)));
        }
        String modelId = "killed-" + round + "-" + RUN;
        AtomicReference<SuiteHttp.Answer> fitted = new AtomicReference<>();
        threads.add(new Thread(() -> {
            try {
                fitted.set(fit(dataset, modelId));
            } catch (IOException | InterruptedException cutOff) {
                // killed under the fit: its outcome is unknown
            }
        }));
        threads.forEach(Thread::start);
        Thread.sleep(200 + random.nextInt((int) Math.max(400, fitMillis))); // the random point of the crash
        down.set(true);
        suite.kill("retrieval-service");
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!thread.isAlive(), "a client still waits 60 s after the kill");
        }
        assertEquals(List.of(), new ArrayList<>(refused), "upserts answered with an error while it was up");
        acknowledged.addAll(acks);
        if (fitted.get() != null && fitted.get().ok()) {
            fitsDone.add(modelId);
        } else {
            fitsKilled.add(modelId);
        }
        long restart = System.nanoTime();
        suite.restart("retrieval-service", List.of()); // waits for /q/health/ready: the collections loaded
        long restarted = System.nanoTime() - restart;

        assertSearchable(acknowledged);
        assertModels(fitsDone, fitsKilled);
        return restarted;
    }

    /** Every acknowledged document's chunks come back from a search for their unique word. */
    private static void assertSearchable(List<Acknowledged> acknowledged) throws Exception {
        List<String> missing = new ArrayList<>();
        for (Acknowledged ack : acknowledged) {
            for (String word : ack.words()) {
                SuiteHttp.Answer found = http.postJson(http.as(USER, "user", retrieval + "/api/v1/documents/search"),
                        JSON.writeValueAsString(Map.of("query", word, "top_k", 5,
                                "filters", Map.of("source_file_id", ack.fileId()))));
                // The answer echoes the query: only a result's text counts.
                boolean hit = found.status() == 200 && java.util.stream.StreamSupport.stream(
                        JSON.readTree(found.body()).path("results").spliterator(), false)
                        .anyMatch(result -> result.path("text").asText().contains(word));
                if (!hit) {
                    missing.add(ack.fileId() + "/" + word + " -> " + found.status());
                }
            }
        }
        assertEquals(List.of(), missing, "acknowledged chunks not searchable after the restart");
    }

    /**
     * Completed fits are listed and answer; killed ones are either whole (listed and answering) or gone, and no
     * folder in the models directory is a model the listing does not show (what a killed fit leaves half-written).
     */
    private static void assertModels(List<String> done, List<String> killed) throws Exception {
        SuiteHttp.Answer list = http.get(http.admin(retrieval + "/api/v1/models/list_model"));
        assertEquals(200, list.status(), list.text());
        Set<String> listed = new TreeSet<>();
        JSON.readTree(list.body()).forEach(model -> listed.add(model.path("model_id").asText()));
        assertTrue(listed.containsAll(done), "completed fits missing after a crash: " + done + " vs " + listed);
        for (String model : listed) {
            SuiteHttp.Answer answer = http.postJson(http.admin(retrieval + "/api/v1/models/find_context"),
                    JSON.writeValueAsString(Map.of("model_id", model, "question", "Which shelf holds box 14?")));
            assertEquals(200, answer.status(), model + " is listed but does not answer: " + answer.text());
        }
        Path data = suite.dataDir.resolve("retrieval-service").resolve("retrieval");
        Set<String> folders = entries(data.resolve("models"), "");
        folders.removeAll(listed);
        assertEquals(Set.of(), folders, "model folders no listing shows (left by a killed fit " + killed + ")");
        // An embedding model's vectors are the collection model-<id> of the embedded store.
        Set<String> collections = entries(data.resolve("vectors"), "model-");
        collections.removeAll(listed);
        assertEquals(Set.of(), collections, "model collections no listing shows (left by a killed fit)");
    }

    /** Names in {@code dir} starting with {@code prefix}, the prefix cut off. */
    private static Set<String> entries(Path dir, String prefix) throws IOException {
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                entries.map(entry -> entry.getFileName().toString()).filter(name -> name.startsWith(prefix))
                        .forEach(name -> names.add(name.substring(prefix.length())));
            }
        }
        return names;
    }

    /** Upserts two-chunk documents, each chunk with a unique word, until the service goes down. */
    private static void upsert(String prefix, Random random, AtomicBoolean down,
                               ConcurrentLinkedQueue<Acknowledged> acks, ConcurrentLinkedQueue<String> refused) {
        SuiteHttp client = new SuiteHttp(Duration.ofSeconds(120));
        for (int seq = 0; !down.get(); seq++) {
            String fileId = prefix + "-" + seq;
            List<String> words = List.of(word(random), word(random));
            List<Map<String, Object>> chunks = List.of(
                    Map.of("position", 0, "text", "The shelf keeps the " + words.get(0) + " next to the lamp."),
                    Map.of("position", 1, "text", "A box of " + words.get(1) + " stands under the window."));
            try {
                SuiteHttp.Answer answer = client.postJson(client.as(USER, "user", retrieval + "/api/v1/documents"),
                        JSON.writeValueAsString(Map.of("source_file_id", fileId, "chunks", chunks)));
                if (answer.ok()) {
                    acks.add(new Acknowledged(fileId, words));
                } else if (!down.get()) {
                    refused.add(fileId + " " + answer.status() + " " + answer.text());
                }
            } catch (IOException | InterruptedException cutOff) {
                return;
            }
        }
    }

    /** A made-up word no other chunk holds, so a search for it finds its own chunk. */
    private static String word(Random random) {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static SuiteHttp.Answer fit(String dataset, String modelId) throws IOException, InterruptedException {
        return http.postJson(http.admin(retrieval + "/api/v1/models/fit_save"), JSON.writeValueAsString(
                Map.of("dataset_id", dataset, "model_type", "embedding", "model_id", modelId)));
    }

    /** A small Q&A dataset (shelves and boxes) uploaded as the test user's; its id. */
    private static String uploadDataset() throws Exception {
        StringBuilder csv = new StringBuilder("question,context,answer\n");
        for (int i = 1; i <= 80; i++) {
            csv.append("Which shelf holds box ").append(i * 7).append("?,\"Shelf ").append(i).append(" of aisle ")
                    .append(i % 9).append(" holds box ").append(i * 7).append(", packed in week ").append(i % 52)
                    .append(" with ").append(i * 3).append(" items.\",Shelf ").append(i).append('\n');
        }
        SuiteHttp.Answer answer = http.postFile(http.admin(retrieval + "/api/v1/datasets"), "shelves.csv",
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("name", "shelves-" + RUN, "owner", USER));
        assertEquals(201, answer.status(), answer.text());
        JsonNode dataset = JSON.readTree(answer.body());
        return dataset.path("id").asText();
    }
}
