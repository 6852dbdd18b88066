package ai.datasuite.benchmarks;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;

/**
 * Document ingest for RAG: POST /api/v1/documents with batches of chunks (passages of about 60 words cut from the
 * SQuAD contexts at sentence ends), one client, one request at a time, against raw ONNX batch throughput of the same
 * model in this JVM: LangChain4j's e5-small-v2 {@code embedAll} over the same {@code "passage: " + text} in batches of
 * the same size, on LangChain4j's own session (ONNX Runtime's default intra-op threads) and on a session of the same
 * file with one intra-op thread per run (what the service uses for batches). The ratio is taken against the faster of
 * the two. Raw and HTTP rounds alternate over the same chunks. Prints chunks/s of each and the ratio. Goal: ratio >=
 * 0.8. The documents are deleted at the end.
 */
public final class RetrievalIngestBenchmark {

    private static final int PASSAGE_WORDS = 60;

    public static void main(String[] args) throws Exception {
        int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 768;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> passages = passages(chunks + batch);
        List<String> warmup = passages.subList(chunks, chunks + batch);
        List<String> texts = passages.subList(0, chunks);
        String owner = "benchmark-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> files = new ArrayList<>();
        EmbeddingModel e5 = new E5SmallV2QuantizedEmbeddingModel();
        EmbeddingModel e5OneThread = oneThreadE5();
        String model = null;
        try {
            // Warm every path (the service loads its model on first use; JIT; ONNX Runtime arenas).
            raw(e5, warmup, batch);
            raw(e5OneThread, warmup, batch);
            files.add("warmup");
            model = http(owner, "warmup", warmup, batch);
            long rawNanos = 0, oneThreadNanos = 0, httpNanos = 0;
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                raw(e5, texts, batch);
                rawNanos += System.nanoTime() - t;
                t = System.nanoTime();
                raw(e5OneThread, texts, batch);
                oneThreadNanos += System.nanoTime() - t;
                String file = "round-" + r;
                files.add(file);
                t = System.nanoTime();
                http(owner, file, texts, batch);
                httpNanos += System.nanoTime() - t;
            }
            double rawRate = (double) chunks * rounds / (rawNanos / 1e9);
            double oneThreadRate = (double) chunks * rounds / (oneThreadNanos / 1e9);
            double bestRaw = Math.max(rawRate, oneThreadRate);
            double httpRate = (double) chunks * rounds / (httpNanos / 1e9);
            double words = texts.stream().mapToInt(s -> s.split("\\s+").length).average().orElse(0);
            System.out.printf("retrieval-ingest: %d chunks (SQuAD passages, %.0f words on average) in batches of %d,"
                    + " %d rounds, one client; service model %s%n", chunks, words, batch, rounds, model);
            System.out.printf("  raw embedAll (e5-small-v2, passage: ...)   %7.1f chunks/s   LangChain4j's session%n",
                    rawRate);
            System.out.printf("  raw embedAll, one intra-op thread per run  %7.1f chunks/s%n", oneThreadRate);
            System.out.printf("  POST /api/v1/documents                     %7.1f chunks/s%n", httpRate);
            System.out.printf("ratio retrieval-ingest documents-vs-best-raw %.2f (goal >= 0.8)%n", httpRate / bestRaw);
        } finally {
            long deleted = 0;
            for (String file : files) {
                try {
                    deleted += Retrieval.delete("/api/v1/documents", Map.of("owner", owner, "source_file_id", file))
                            .path("deleted").asLong();
                } catch (RuntimeException e) {
                    System.err.println("could not delete benchmark document " + file + ": " + e.getMessage());
                }
            }
            System.out.printf("  (deleted %d benchmark chunks of owner %s)%n", deleted, owner);
        }
    }

    private static void raw(EmbeddingModel e5, List<String> texts, int batch) {
        for (int from = 0; from < texts.size(); from += batch) {
            List<TextSegment> segments = texts.subList(from, Math.min(texts.size(), from + batch)).stream()
                    .map(t -> TextSegment.from("passage: " + t)).toList();
            if (e5.embedAll(segments).content().size() != segments.size()) {
                throw new IllegalStateException("embedAll returned fewer vectors than texts");
            }
        }
    }

    /**
     * e5-small-v2 from LangChain4j's jar on a session with one intra-op thread: its parallel {@code embedAll} then runs
     * one text per core without the runs' threads competing for the cores.
     */
    private static EmbeddingModel oneThreadE5() throws Exception {
        Path copy = Files.createTempFile("bench-e5-", ".onnx");
        ClassLoader loader = RetrievalIngestBenchmark.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream("e5-small-v2-q.onnx");
             InputStream tokenizer = loader.getResourceAsStream("e5-small-v2-q-tokenizer.json");
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            Files.copy(model, copy, StandardCopyOption.REPLACE_EXISTING);
            options.setIntraOpNumThreads(1);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, env.createSession(copy.toString(), options),
                    tokenizer, PoolingMode.MEAN);
            return new AbstractInProcessEmbeddingModel(null) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }
            };
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Indexes {@code texts} as file {@code file} of {@code owner}, a batch per request; returns the service's model. */
    private static String http(String owner, String file, List<String> texts, int batch) {
        String model = null;
        for (int from = 0; from < texts.size(); from += batch) {
            List<Map<String, Object>> chunks = new ArrayList<>();
            for (int i = from; i < Math.min(texts.size(), from + batch); i++) {
                chunks.add(Map.of("text", texts.get(i), "position", i));
            }
            JsonNode answer = Retrieval.post("/api/v1/documents",
                    Map.of("owner", owner, "source_file_id", file, "chunks", chunks));
            if (answer.path("indexed").asInt() != chunks.size()) {
                throw new IllegalStateException("documents indexed " + answer.path("indexed") + " of " + chunks.size());
            }
            model = answer.path("model").asText();
        }
        return model;
    }

    /** The first {@code n} passages of the SQuAD contexts (parts 1-3): sentences joined up to about 60 words. */
    static List<String> passages(int n) {
        List<String> passages = new ArrayList<>(n);
        for (int part = 1; part <= 3 && passages.size() < n; part++) {
            LinkedHashSet<String> contexts = new LinkedHashSet<>();
            Retrieval.squad(part).forEach(row -> contexts.add(row.context()));
            for (String context : contexts) {
                StringBuilder passage = new StringBuilder();
                int words = 0;
                for (String sentence : context.strip().split("(?<=[.!?])\\s+")) {
                    passage.append(passage.length() == 0 ? "" : " ").append(sentence);
                    words += sentence.split("\\s+").length;
                    if (words >= PASSAGE_WORDS) {
                        passages.add(passage.toString());
                        passage.setLength(0);
                        words = 0;
                    }
                }
                if (words > 0) {
                    passages.add(passage.toString());
                }
                if (passages.size() >= n) {
                    return passages.subList(0, n);
                }
            }
        }
        if (passages.size() < n) {
            throw new IllegalArgumentException("only " + passages.size() + " passages in the SQuAD parts");
        }
        return passages;
    }
}
