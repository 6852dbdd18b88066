package ai.datasuite.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a small team does at once, all through the gateway with API keys: 16 KiB file uploads
 * ({@code POST /api/v1/files}), emotion predictions of one GoEmotions text ({@code POST /api/v1/predict}),
 * {@code find_context} on an e5 model of SQuAD part 1 ({@code POST /api/v1/models/find_context}) and extractive chat
 * over one uploaded SQuAD article ({@code POST /api/chat}). Each client runs the four in turn, closed loop; every
 * answer must be 2xx. The uploads, the article and the model are removed by {@link #close()}.
 */
final class MixedWorkload implements AutoCloseable {

    static final List<String> OPERATIONS = List.of("upload", "predict", "find_context", "chat");

    /** Per operation: completed calls, latencies (ns, sorted) and failures with their statuses. */
    record Result(Map<String, long[]> sortedNanos, Map<String, Integer> failures, Map<String, String> firstFailure,
                  double seconds) {
    }

    private final GatewayUser user;
    private final String modelId;
    private final List<String> questions;
    private final List<String> texts;
    private final ConcurrentLinkedQueue<String> uploaded = new ConcurrentLinkedQueue<>();
    private final AtomicInteger counter = new AtomicInteger();

    private MixedWorkload(GatewayUser user, String modelId, List<String> questions, List<String> texts) {
        this.user = user;
        this.modelId = modelId;
        this.questions = questions;
        this.texts = texts;
    }

    /** A new user with one SQuAD article, an e5 model of SQuAD part 1 (fitted as the admin), GoEmotions texts. */
    static MixedWorkload prepare() throws Exception {
        SquadArticles squad = SquadArticles.read();
        String title = squad.articles.keySet().iterator().next();
        List<String> questions = squad.questions.stream().filter(q -> q.article().equals(title))
                .map(SquadArticles.Question::question).toList();
        GatewayUser user = GatewayUser.create("suite-bench");
        user.uploadText(title + ".txt", squad.articles.get(title));
        String dataset = Retrieval.dataset("benchmark: SQuAD v1.1 dev part 1", Retrieval.squadFile(1));
        String modelId = "bench-suite-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("dataset_id", dataset);
        fit.put("model_type", "embedding");
        fit.put("model_id", modelId);
        fit.put("params", Map.of("model", "e5-small-v2", "chunking", "none"));
        Retrieval.post("/api/v1/models/fit_save", fit);
        return new MixedWorkload(user, modelId, questions, PredictBenchmark.devTexts());
    }

    /** {@code concurrency} clients for {@code seconds}. */
    Result run(int concurrency, int seconds) throws Exception {
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        Map<String, String> firstFailure = new ConcurrentHashMap<>();
        for (String op : OPERATIONS) {
            latencies.put(op, new ConcurrentLinkedQueue<>());
            failures.put(op, new AtomicInteger());
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                for (int i = client; System.nanoTime() < end; i++) {
                    String op = OPERATIONS.get(i % OPERATIONS.size());
                    HttpRequest request = request(op, counter.getAndIncrement());
                    long t = System.nanoTime();
                    HttpResponse<String> response = GatewayUser.HTTP.send(request,
                            HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - t;
                    if (response.statusCode() / 100 == 2) {
                        latencies.get(op).add(took);
                        if (op.equals("upload")) {
                            uploaded.add(GatewayUser.read(response.body()).path("id").asText());
                        }
                    } else {
                        failures.get(op).incrementAndGet();
                        firstFailure.putIfAbsent(op, response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        double took = (System.nanoTime() - start) / 1e9;
        Map<String, long[]> sorted = new LinkedHashMap<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        for (String op : OPERATIONS) {
            sorted.put(op, latencies.get(op).stream().mapToLong(Long::longValue).sorted().toArray());
            failed.put(op, failures.get(op).get());
        }
        return new Result(sorted, failed, firstFailure, took);
    }

    private HttpRequest request(String op, int i) {
        return switch (op) {
            case "upload" -> upload(i);
            case "predict" -> json("/api/v1/predict", Map.of("texts", List.of(texts.get(i % texts.size()))));
            case "find_context" -> json("/api/v1/models/find_context",
                    Map.of("model_id", modelId, "question", questions.get(i % questions.size()), "top_k", 5));
            case "chat" -> json("/api/chat", Map.of("query", questions.get(i % questions.size()), "top_k", 3));
            default -> throw new IllegalArgumentException(op);
        };
    }

    private HttpRequest json(String path, Object body) {
        return user.request(path).header("Content-Type", "application/json").POST(GatewayUser.json(body)).build();
    }

    /** A 16 KiB text, different every time (so none is deduplicated). */
    private HttpRequest upload(int i) {
        StringBuilder text = new StringBuilder("upload " + i + " " + UUID.randomUUID() + "\n");
        while (text.length() < 16 * 1024) {
            text.append(texts.get((i + text.length()) % texts.size())).append('\n');
        }
        byte[] file = text.substring(0, 16 * 1024).getBytes(StandardCharsets.UTF_8);
        return Multipart.request(Suite.GATEWAY, "X-Api-Key", user.key, user.id, "mixed-" + i + ".txt",
                HttpRequest.BodyPublishers.ofByteArray(file));
    }

    /** Whether the gateway answers chat in extractive mode (no LLM configured), which this workload measures. */
    boolean extractive() {
        JsonNode answer = GatewayUser.send(json("/api/chat", Map.of("query", questions.get(0), "top_k", 3)), 200);
        return "extractive".equals(answer.path("mode").asText());
    }

    @Override
    public void close() {
        for (String id : uploaded) {
            GatewayUser.sendRaw(user.request("/api/v1/files/" + id).DELETE().build());
        }
        user.deleteDocuments();
        Retrieval.delete("/api/v1/models/remove/" + modelId, Map.of());
    }
}
