package ai.datasuite.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Extractive chat (the suite without an LLM, its default) at bounded concurrency, against the retrieval it rests on,
 * side by side in one run: {@code concurrency} closed-loop clients for {@code seconds}, alternating twice, best of
 * each. Chat: {@code POST /api/chat} through the gateway as a user with 3 uploaded SQuAD articles (each call also
 * opens a conversation and stores both turns in metadata-service). Baseline: the same search chat makes, straight to
 * retrieval-service ({@code POST /api/v1/documents/search} with the user as owner, notices included, 3 hits, 2
 * highlights). Goal: chat throughput >= 0.5 × the search's; p50/p99 printed.
 * <p>
 * Usage: {@code benchmarks/run chat [seconds=10] [concurrency=4]} (start the suite with the rate limit raised, see
 * benchmarks/README.md, or the gateway's 429s slow the chat side).
 */
public final class ChatThroughputBenchmark {

    private record Run(double perSecond, long[] sortedNanos, int errors) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        SquadArticles squad = SquadArticles.read();
        List<String> titles = new ArrayList<>(squad.articles.keySet()).subList(0, 3);
        List<String> questions = squad.questions.stream().filter(q -> titles.contains(q.article()))
                .map(SquadArticles.Question::question).toList();

        GatewayUser user = GatewayUser.create("chat-bench");
        for (String title : titles) {
            user.uploadText(title + ".txt", squad.articles.get(title));
        }
        IntFunction<HttpRequest> chat = i -> user.request("/api/chat").header("Content-Type", "application/json")
                .POST(GatewayUser.json(Map.of("query", questions.get(i % questions.size()), "top_k", 3))).build();
        IntFunction<HttpRequest> search = i -> Retrieval.postRequest("/api/v1/documents/search", Map.of(
                "owner", user.id, "query", questions.get(i % questions.size()), "top_k", 3, "include_public", true,
                "highlights", 2));
        String mode = GatewayUser.send(chat.apply(0), 200).path("mode").asText();
        if (!"extractive".equals(mode)) {
            System.err.println("the gateway answered in mode '" + mode + "'; this benchmark measures extractive chat:"
                    + " start the suite without SUITE_LLM_BASE_URL / SUITE_LLM_API_KEY");
            System.exit(1);
        }
        run(search, concurrency, 3);
        run(chat, concurrency, 3);
        Run best = null;
        Run bestChat = null;
        for (int round = 0; round < 2; round++) {
            Run s = run(search, concurrency, seconds);
            Run c = run(chat, concurrency, seconds);
            best = best == null || s.perSecond > best.perSecond ? s : best;
            bestChat = bestChat == null || c.perSecond > bestChat.perSecond ? c : bestChat;
        }
        System.out.printf("extractive chat, %d clients, %d s (best of 2), %d questions over 3 SQuAD articles%n",
                concurrency, seconds, questions.size());
        print("retrieval search (baseline)", best);
        print("chat through the gateway", bestChat);
        System.out.printf("ratio chat-extractive throughput %.2f (goal >= 0.5)%n", bestChat.perSecond / best.perSecond);
        user.deleteDocuments();
    }

    private static void print(String name, Run run) {
        System.out.printf("  %-30s %7.1f /s   p50 %7.2f ms   p99 %7.2f ms   errors %d%n", name, run.perSecond,
                Suite.percentile(run.sortedNanos, 50), Suite.percentile(run.sortedNanos, 99), run.errors);
    }

    private static Run run(IntFunction<HttpRequest> requests, int concurrency, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> errors = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                for (int i = client; System.nanoTime() < end; i += concurrency) {
                    HttpRequest request = requests.apply(i);
                    long start = System.nanoTime();
                    HttpResponse<Void> response = GatewayUser.HTTP.send(request,
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        latencies.add(System.nanoTime() - start);
                    } else {
                        errors.add(response.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        long[] nanos = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Run(nanos.length / (double) seconds, nanos, errors.size());
    }
}
