package ai.datasuite.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RAG quality of extractive chat, end to end through the gateway as a user sees it: the SQuAD v1.1 dev articles are
 * uploaded as one new user's documents ({@code POST /api/upload}, a text file per article, paragraphs separated by a
 * blank line, chunked and indexed by the suite), then every question is asked with {@code POST /api/chat}
 * (extractive: the suite must run without an LLM, its default). Counted per question: a gold answer (any of
 * {@code all_answers}, case-insensitive) in one of the first 3 citations (goal >= 0.95), and in the answer text (goal
 * >= 0.80; the answer must be at most two sentences, which is checked too). The {@code answer} column alone is reported
 * beside them. Baselines from the issue, measured on the same data: 0.947 (paragraphs as chunks, top 3); 0.813 (the best
 * two sentences searched over all sentences).
 * <p>
 * Usage: {@code benchmarks/run rag [questions=all] [concurrency=2]}; the user's documents are deleted at the end.
 */
public final class RagQualityBenchmark {

    public static void main(String[] args) throws Exception {
        int limit = args.length > 0 && !args[0].equals("all") ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        SquadArticles squad = SquadArticles.read();
        List<SquadArticles.Question> questions = squad.questions.subList(0, Math.min(limit, squad.questions.size()));
        List<String> needed = questions.stream().map(SquadArticles.Question::article).distinct().toList();

        GatewayUser user = GatewayUser.create("rag-bench");
        long start = System.nanoTime();
        int chunks = 0;
        for (String title : needed) {
            chunks += user.uploadText(title + ".txt", squad.articles.get(title)).path("chunks").asInt();
        }
        System.out.printf("uploaded %d articles as %d chunks in %.1f s (user %s)%n", needed.size(), chunks,
                (System.nanoTime() - start) / 1e9, user.id);

        AtomicInteger inTop3 = new AtomicInteger();
        AtomicInteger inAnswer = new AtomicInteger();
        AtomicInteger firstInTop3 = new AtomicInteger();
        AtomicInteger firstInAnswer = new AtomicInteger();
        AtomicInteger tooLong = new AtomicInteger();
        AtomicInteger notExtractive = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        for (SquadArticles.Question q : questions) {
            futures.add(pool.submit(() -> {
                JsonNode answer = user.chat(Map.of("query", q.question(), "top_k", 3));
                if (!"extractive".equals(answer.path("mode").asText())) {
                    notExtractive.incrementAndGet();
                }
                StringBuilder cited = new StringBuilder();
                JsonNode citations = answer.path("citations");
                for (int i = 0; i < Math.min(3, citations.size()); i++) {
                    cited.append(citations.get(i).path("text").asText()).append('\n');
                }
                String text = answer.path("answer").asText();
                if (q.anyAnswerIn(cited.toString())) {
                    inTop3.incrementAndGet();
                }
                if (q.firstAnswerIn(cited.toString())) {
                    firstInTop3.incrementAndGet();
                }
                if (q.anyAnswerIn(text)) {
                    inAnswer.incrementAndGet();
                }
                if (q.firstAnswerIn(text)) {
                    firstInAnswer.incrementAndGet();
                }
                if (sentences(text) > 2) {
                    tooLong.incrementAndGet();
                }
                int n = done.incrementAndGet();
                if (n % 1000 == 0) {
                    System.out.printf("  %d / %d questions%n", n, questions.size());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = questions.size();
        System.out.printf("%d questions over %d articles in %.1f s (%.1f chats/s, %d clients)%n", n, needed.size(),
                seconds, n / seconds, concurrency);
        System.out.printf("  gold answer in the first 3 citations   %.3f   (answer column only: %.3f; baseline 0.947)%n",
                (double) inTop3.get() / n, (double) firstInTop3.get() / n);
        System.out.printf("  gold answer in the answer text         %.3f   (answer column only: %.3f; baseline 0.813)%n",
                (double) inAnswer.get() / n, (double) firstInAnswer.get() / n);
        System.out.printf("  answers that look longer than two sentences (a full stop before a capital) %d; not extractive %d%n", tooLong.get(),
                notExtractive.get());
        System.out.printf("ratio rag citations-top3 %.3f (goal >= 0.95)%n", (double) inTop3.get() / n);
        System.out.printf("ratio rag answer-text %.3f (goal >= 0.80)%n", (double) inAnswer.get() / n);
        user.deleteDocuments();
    }

    /** Sentence ends followed by a space and a capital or digit, plus the last sentence. */
    static int sentences(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        return 1 + t.split("(?<=[.!?][\"')\\]]?)\\s+(?=[A-Z0-9\"'(])").length - 1;
    }
}
