package ai.datasuite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;

import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/**
 * POST /api/v1/models/find_context over HTTP (one client, one request at a time) on an {@code embedding} model
 * (e5-small-v2) fitted on a SQuAD part, against the two things it cannot avoid, measured in this JVM in the same run
 * on the same thread count (one caller; ONNX Runtime's default intra-op threads in both JVMs): the raw embedding of one
 * {@code "query: " + question} by LangChain4j's e5 model, and a raw {@code EmbeddedVectorStore.searchDense} (no filter)
 * over as many random unit vectors of the same dimension as the model indexed, for the same top_k. The three are
 * measured in alternating rounds over the same questions. Prints overhead = p50(find_context) - (p50 embed + p50
 * search). Goal: <= 3 ms. find_context is timed with a blocking-socket client (the caller's thread alone, as curl does)
 * and, side by side, with the JDK's HttpClient, whose thread hand-offs are the client's cost (see {@link JsonClient}).
 * The model is removed at the end; the dataset stays (reused by name by the next run).
 */
public final class RetrievalFindContextBenchmark {

    private static final int DIM = 384;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int part = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int topK = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        // none: the model is one vector per context, which is what the raw search baseline searches.
        String chunking = args.length > 3 ? args[3] : "none";
        int rounds = 3;

        List<Retrieval.QaRow> rows = Retrieval.squad(part);
        List<String> questions = sample(rows, n);
        String datasetId = Retrieval.dataset("benchmark: SQuAD v1.1 dev part " + part, Retrieval.squadFile(part));
        String modelId = "bench-find-context-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("dataset_id", datasetId);
        fit.put("model_type", "embedding");
        fit.put("model_id", modelId);
        fit.put("params", Map.of("model", "e5-small-v2", "chunking", chunking));
        Path dir = Files.createTempDirectory("retrieval-find-context-bench");
        E5SmallV2QuantizedEmbeddingModel e5 = new E5SmallV2QuantizedEmbeddingModel();
        try (EmbeddedVectorStore store = new EmbeddedVectorStore(dir); JsonClient jdk = JsonClient.jdk(Retrieval.BASE);
             JsonClient blocking = JsonClient.blocking(Retrieval.BASE)) {
            JsonNode fitted = Retrieval.post("/api/v1/models/fit_save", fit);
            int vectors = fitted.path("vectors").asInt();
            Retrieval.fill(store, "bench", Retrieval.unitVectors(vectors, DIM, 42), DIM);

            // Warm all the paths (JIT, connections, ONNX Runtime arenas) before measuring: with 20 calls, the first
            // round still ran on the client's cold HTTP stack (twice the last round's time in a probe).
            // Then on until the service's compilers (and this JVM's) are quiet.
            JitWatch.of("retrieval-service").warmUp(() -> {
                for (int i = 0; i < 100; i++) {
                    String q = questions.get(i % questions.size());
                    findContext(jdk, modelId, q, topK);
                    findContext(blocking, modelId, q, topK);
                    search(store, embed(e5, q), topK);
                }
            }, 10);
            long[] http = new long[n], httpJdk = new long[n], embed = new long[n], search = new long[n];
            double[] took = new double[n];
            int done = 0;
            // Alternate so that drift of the shared machine hits all of them alike.
            for (int r = 0; r < rounds; r++) {
                int until = n * (r + 1) / rounds;
                for (int i = done; i < until; i++) {
                    Timed timed = timedFindContext(blocking, modelId, questions.get(i), topK);
                    http[i] = timed.nanos();
                    took[i] = timed.tookMs();
                }
                for (int i = done; i < until; i++) {
                    httpJdk[i] = timedFindContext(jdk, modelId, questions.get(i), topK).nanos();
                }
                float[][] vectorsOf = new float[until - done][];
                for (int i = done; i < until; i++) {
                    long t = System.nanoTime();
                    vectorsOf[i - done] = embed(e5, questions.get(i));
                    embed[i] = System.nanoTime() - t;
                }
                for (int i = done; i < until; i++) {
                    long t = System.nanoTime();
                    search(store, vectorsOf[i - done], topK);
                    search[i] = System.nanoTime() - t;
                }
                done = until;
            }
            double httpP50 = Retrieval.p(http, 50), jdkP50 = Retrieval.p(httpJdk, 50);
            double embedP50 = Retrieval.p(embed, 50), searchP50 = Retrieval.p(search, 50);
            double[] tookSorted = took.clone();
            java.util.Arrays.sort(tookSorted);
            System.out.printf("retrieval-find-context: model %s (e5-small-v2, chunking %s, %d vectors) on SQuAD part"
                            + " %d, %d questions, top_k %d, one client, %d rounds%n", modelId, chunking, vectors, part,
                    n, topK, rounds);
            System.out.printf("  find_context, blocking socket  p50 %7.2f ms   p95 %7.2f ms   (server-side took_ms"
                    + " p50 %.2f ms)%n", httpP50, Retrieval.p(http, 95), tookSorted[n / 2]);
            System.out.printf("  find_context, JDK HttpClient   p50 %7.2f ms   p95 %7.2f ms%n", jdkP50,
                    Retrieval.p(httpJdk, 95));
            System.out.printf("  raw embed (query: ...)         p50 %7.2f ms   p95 %7.2f ms%n", embedP50,
                    Retrieval.p(embed, 95));
            System.out.printf("  raw search (%d x %d)         p50 %7.3f ms   p95 %7.3f ms%n", vectors, DIM, searchP50,
                    Retrieval.p(search, 95));
            System.out.printf("  overhead p50  %.2f ms   (= %.2f - (%.2f + %.3f); goal <= 3 ms)%n",
                    httpP50 - (embedP50 + searchP50), httpP50, embedP50, searchP50);
            System.out.printf("  the same through the JDK's HttpClient  %.2f ms (its thread hand-offs add %.2f ms)%n",
                    jdkP50 - (embedP50 + searchP50), jdkP50 - httpP50);
            // Per request, the time outside the service's own embed + search (percentiles of the differences).
            long[] outside = new long[n];
            for (int i = 0; i < n; i++) {
                outside[i] = http[i] - Math.round(took[i] * 1e6);
            }
            System.out.printf("  outside took_ms, per request p50 %.2f ms  p10 %.2f ms%n", Retrieval.p(outside, 50),
                    Retrieval.p(outside, 10));
            split(modelId, e5, List.of(blocking, jdk), questions, rounds, topK);
            System.out.printf("ratio find-context overhead-ms %.2f (goal <= 3)%n", httpP50 - (embedP50 + searchP50));
        } finally {
            try {
                Retrieval.delete("/api/v1/models/remove/" + modelId, Map.of());
            } catch (RuntimeException e) {
                System.err.println("could not remove benchmark model " + modelId + ": " + e.getMessage());
            }
            Retrieval.deleteTree(dir);
        }
        System.out.printf("  (model %s removed; dataset kept for the next run)%n", modelId);
    }

    /**
     * Where the overhead goes, each part measured on its own with each client: the HTTP exchange (a blank question,
     * answered 400 before any model work: client, HTTP, identity and thread hand-offs), the same exchange right after
     * a find_context (once ONNX Runtime's run has left the caches cold), and the raw embedding paced with 1 ms idle
     * between calls, as the HTTP round trip paces the service's.
     */
    private static void split(String modelId, E5SmallV2QuantizedEmbeddingModel e5, List<JsonClient> clients,
                              List<String> questions, int rounds, int topK) {
        int n = 100;
        byte[] blank = body(modelId, " ", topK);
        Map<JsonClient, long[]> alone = new LinkedHashMap<>(), after = new LinkedHashMap<>();
        for (JsonClient client : clients) {
            alone.put(client, new long[n * rounds]);
            after.put(client, new long[n * rounds]);
            for (int i = 0; i < n; i++) {
                timedBlank(client, blank);
            }
        }
        long[] backToBack = new long[n * rounds], paced = new long[n * rounds];
        for (int r = 0; r < rounds; r++) {
            for (JsonClient client : clients) {
                for (int i = r * n; i < (r + 1) * n; i++) {
                    alone.get(client)[i] = timedBlank(client, blank);
                }
                for (int i = r * n; i < (r + 1) * n; i++) {
                    findContext(client, modelId, questions.get(i % questions.size()), topK);
                    after.get(client)[i] = timedBlank(client, blank);
                }
            }
            for (int i = r * n; i < (r + 1) * n; i++) {
                long t = System.nanoTime();
                embed(e5, questions.get(i % questions.size()));
                backToBack[i] = System.nanoTime() - t;
            }
            for (int i = r * n; i < (r + 1) * n; i++) {
                LockSupport.parkNanos(1_000_000);
                long t = System.nanoTime();
                embed(e5, questions.get(i % questions.size()));
                paced[i] = System.nanoTime() - t;
            }
        }
        System.out.printf("  where the overhead goes (p50, %d x %d requests each):%n", rounds, n);
        for (JsonClient client : clients) {
            System.out.printf("    %-16s HTTP exchange alone (a 400 before any model work) %6.2f ms,"
                    + " right after a find_context %6.2f ms%n", client.name(), Retrieval.p(alone.get(client), 50),
                    Retrieval.p(after.get(client), 50));
        }
        System.out.printf("    raw embed back to back / with 1 ms idle between calls       %6.2f / %.2f ms%n",
                Retrieval.p(backToBack, 50), Retrieval.p(paced, 50));
    }

    private static long timedBlank(JsonClient client, byte[] blank) {
        long t = System.nanoTime();
        JsonClient.Answer answer = client.post("/api/v1/models/find_context", Suite.bearer(), blank);
        long latency = System.nanoTime() - t;
        if (answer.status() != 400) {
            throw new IllegalStateException("a blank question answered " + answer.status() + ": " + answer.text());
        }
        return latency;
    }

    private static byte[] body(String modelId, String question, int topK) {
        try {
            return Retrieval.JSON.writeValueAsBytes(Map.of("model_id", modelId, "question", question, "top_k", topK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One find_context as the client saw it (nanoseconds) and as the service reported it (its took_ms). */
    private record Timed(long nanos, double tookMs) {
    }

    /** The body is built before the timer starts and the answer is read after it stops. */
    private static Timed timedFindContext(JsonClient client, String modelId, String question, int topK) {
        byte[] body = body(modelId, question, topK);
        long t = System.nanoTime();
        JsonClient.Answer answer = client.post("/api/v1/models/find_context", Suite.bearer(), body);
        long latency = System.nanoTime() - t;
        return new Timed(latency, check(answer, topK));
    }

    private static void findContext(JsonClient client, String modelId, String question, int topK) {
        timedFindContext(client, modelId, question, topK);
    }

    /** The server's took_ms; the answer is checked to be a ranked list of top_k contexts. */
    private static double check(JsonClient.Answer answer, int topK) {
        if (answer.status() != 200) {
            throw new IllegalStateException("find_context answered " + answer.status() + ": " + answer.text());
        }
        try {
            JsonNode json = Retrieval.JSON.readTree(answer.body());
            if (json.path("results").size() != topK) {
                throw new IllegalStateException("find_context returned " + json.path("results").size() + " results");
            }
            return json.path("took_ms").asDouble();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the service does for a question: the e5 query prefix, one text, the same thread. */
    private static float[] embed(E5SmallV2QuantizedEmbeddingModel e5, String question) {
        return e5.embed("query: " + question).content().vector();
    }

    private static void search(EmbeddedVectorStore store, float[] query, int topK) {
        if (store.searchDense("bench", query, topK, Map.of()).size() != topK) {
            throw new IllegalStateException("raw search returned fewer than " + topK + " hits");
        }
    }

    /** {@code n} distinct questions in a fixed random order (the same on every run). */
    private static List<String> sample(List<Retrieval.QaRow> rows, int n) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(Retrieval.QaRow::question).toList()));
        Collections.shuffle(all, new Random(42));
        if (n > all.size()) {
            throw new IllegalArgumentException("only " + all.size() + " questions in this part");
        }
        return List.copyOf(all.subList(0, n));
    }
}
