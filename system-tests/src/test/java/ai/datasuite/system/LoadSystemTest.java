package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each service at bounded concurrency for a bounded time on 127.0.0.1, every JVM started with a fixed heap: no errors,
 * p50/p99 printed, and the resident memory of each process (from /proc) under a stated bound. ingest-service runs
 * with fewer worker threads than concurrent uploads, so an upload that waits on its own pool hangs here (the
 * deadlock check; it runs last, since a deadlocked ingest would fail the others' routes and uploads too).
 * Concurrency {@code -Dreliability.load.concurrency} (16), time per service {@code -Dreliability.load.millis} (5000),
 * heap {@code -Dreliability.load.heap} (256m), RSS bound {@code -Dreliability.load.max-rss-mb} (768).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadSystemTest {

    static final int CONCURRENCY = Integer.getInteger("reliability.load.concurrency", 16);
    static final long MILLIS = Long.getLong("reliability.load.millis", 5_000);
    static final String HEAP = System.getProperty("reliability.load.heap", "256m");
    static final long MAX_RSS_MB = Long.getLong("reliability.load.max-rss-mb", 768);
    /** Fewer than the concurrent uploads: an upload that waits on a task queued behind it in this pool deadlocks. */
    static final int INGEST_WORKERS = 4;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String USER = "load-" + RUN;
    static final String ADMIN_KEY = "ads_admin_" + UUID.randomUUID().toString().replace("-", "");
    static final ObjectMapper JSON = new ObjectMapper();

    static RunningSuite suite;
    static String inference;
    static String retrieval;
    static String gateway;
    static SuiteHttp http;
    static final List<String> LINES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        suite = new RunningSuite(List.of("-Xmx" + HEAP),
                List.of("-Dquarkus.thread-pool.core-threads=1",
                        "-Dquarkus.thread-pool.max-threads=" + INGEST_WORKERS));
        // One key drives the gateway at full speed here: its per-key rate limit (100, then 50/s; tested in the
        // gateway's LimitsTest) would answer 429, so it is raised to measure routing, not the limit.
        RunningSuite.Front front = suite.startFront(ADMIN_KEY, 16, List.of(
                "-Dgateway.limits.rate.capacity=1000000", "-Dgateway.limits.rate.refill-tokens=1000000"));
        inference = front.inference();
        retrieval = front.retrieval();
        gateway = front.gateway();
        http = new SuiteHttp(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        LINES.forEach(System.out::println);
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(5)
    void ingestUploadsAndReadsAboveItsWorkerCount() throws Exception {
        byte[] first = ("the file every reader reads " + RUN).getBytes(StandardCharsets.UTF_8);
        SuiteHttp.Answer stored = upload(http, first);
        assertEquals(201, stored.status(), stored.text());
        String id = JSON.readTree(stored.body()).path("id").asText();
        LoadDriver.Result result = LoadDriver.run(CONCURRENCY, MILLIS, (thread, seq) -> seq % 2 == 0
                ? upload(http, ("upload " + RUN + " " + thread + " " + seq + "\n").repeat(100)
                        .getBytes(StandardCharsets.UTF_8)).status()
                : http.get(http.as(USER, "user", suite.ingest() + "/api/v1/files/" + id + "/content")).status());
        report("ingest-service", result);
    }

    @Test
    @Order(1)
    void metadataListsAndCreates() throws Exception {
        LoadDriver.Result result = LoadDriver.run(CONCURRENCY, MILLIS, (thread, seq) -> seq % 2 == 0
                ? http.postJson(http.as(USER, "user", suite.metadata() + "/api/v1/comments"),
                        "{\"comment\":\"load comment " + thread + "-" + seq + "\"}").status()
                : http.get(http.as(USER, "user", suite.metadata() + "/api/v1/comments?size=20")).status());
        report("metadata-service", result);
    }

    @Test
    @Order(2)
    void inferencePredicts() throws Exception {
        LoadDriver.Result result = LoadDriver.run(CONCURRENCY, MILLIS, (thread, seq) ->
                http.postJson(http.as(USER, "user", inference + "/api/v1/predict"),
                        "{\"texts\":[\"I love this board, thread " + thread + " request " + seq + "\"]}").status());
        report("inference-service", result);
    }

    @Test
    @Order(3)
    void retrievalSearchesDocumentsAndFindsContexts() throws Exception {
        SuiteHttp.Answer indexed = http.postJson(http.as(USER, "user", retrieval + "/api/v1/documents"),
                "{\"source_file_id\":\"load-doc\",\"chunks\":[{\"position\":0,\"text\":\"The Vistula flows through"
                        + " Krakow and Warsaw.\"},{\"position\":1,\"text\":\"The Oder flows through Wroclaw.\"}]}");
        assertEquals(200, indexed.status(), indexed.text());
        StringBuilder csv = new StringBuilder("question,context,answer\n");
        for (int i = 1; i <= 40; i++) {
            csv.append("Which shelf holds box ").append(i * 7).append("?,Shelf ").append(i).append(" holds box ")
                    .append(i * 7).append(".,Shelf ").append(i).append('\n');
        }
        SuiteHttp.Answer dataset = http.postFile(http.admin(retrieval + "/api/v1/datasets"), "load.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), Map.of("name", "load-" + RUN, "owner", USER));
        assertEquals(201, dataset.status(), dataset.text());
        String model = "load-bm25-" + RUN;
        SuiteHttp.Answer fitted = http.postJson(http.admin(retrieval + "/api/v1/models/fit_save"),
                JSON.writeValueAsString(Map.of("dataset_id", JSON.readTree(dataset.body()).path("id").asText(),
                        "model_type", "bm25", "model_id", model)));
        assertEquals(200, fitted.status(), fitted.text());
        LoadDriver.Result result = LoadDriver.run(CONCURRENCY, MILLIS, (thread, seq) -> seq % 2 == 0
                ? http.postJson(http.as(USER, "user", retrieval + "/api/v1/documents/search"),
                        "{\"query\":\"Which river flows through Warsaw?\",\"top_k\":2}").status()
                : http.postJson(http.as(USER, "user", retrieval + "/api/v1/models/find_context"),
                        "{\"model_id\":\"" + model + "\",\"question\":\"Which shelf holds box " + (seq % 280)
                                + "?\",\"top_k\":3}").status());
        report("retrieval-service", result);
    }

    @Test
    @Order(4)
    void gatewayRoutesToTheServices() throws Exception {
        SuiteHttp.Answer created = http.postJson(http.withKey(ADMIN_KEY, gateway + "/api/v1/keys"),
                "{\"user_id\":\"" + USER + "\",\"role\":\"user\"}");
        assertEquals(201, created.status(), created.text());
        String key = JSON.readTree(created.body()).path("key").asText();
        LoadDriver.Result result = LoadDriver.run(CONCURRENCY, MILLIS, (thread, seq) -> http.get(
                http.withKey(key, gateway + switch ((int) (seq % 3)) {
                    case 0 -> "/api/v1/models/list_model";
                    case 1 -> "/api/v1/conversations";
                    default -> "/api/v1/files?size=5";
                })).status());
        report("chat-gateway", result);
    }

    private static SuiteHttp.Answer upload(SuiteHttp client, byte[] content) throws Exception {
        return client.postFile(client.as(USER, "user", suite.ingest() + "/api/v1/files"),
                "load-" + UUID.randomUUID() + ".txt", content,
                Map.of("metadata", "{\"user_id\":\"" + USER + "\",\"data_type\":\"text\"}"));
    }

    /** Prints the figures, then asserts: no error, and the process's RSS under the bound. */
    private static void report(String service, LoadDriver.Result result) throws Exception {
        long rss = suite.rssMb(service);
        String line = result.line(service, CONCURRENCY, rss);
        LINES.add(line);
        System.out.println(line);
        assertEquals(0, result.errors(), service + ": " + result.errors() + " of " + result.requests()
                + " requests failed, the first: " + result.firstError());
        assertTrue(result.requests() >= CONCURRENCY, service + " answered only " + result.requests() + " requests");
        assertTrue(rss <= MAX_RSS_MB, service + " RSS " + rss + " MB above " + MAX_RSS_MB + " MB (-Xmx" + HEAP + ")");
    }
}
