package ai.datasuite.retrieval.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * The in-process embedding models (ONNX, from the LangChain4j jars, on sessions without ONNX Runtime's memory arena:
 * {@link ArenaFreeOnnxModel}), each created on first use and then shared by every retrieval model and the document
 * index: an ONNX session is large and thread-safe.
 */
@ApplicationScoped
public class EmbeddingModels {

    private static final Logger LOG = Logger.getLogger(EmbeddingModels.class);

    /** The models this service knows, with what they need around their input. */
    public enum Kind {
        /**
         * intfloat/e5-small-v2 (quantised): trained with {@code query: } / {@code passage: } prefixes, which the
         * LangChain4j wrapper does not add; reads 512 tokens.
         */
        E5_SMALL_V2("e5-small-v2", "query: ", "passage: ", "sentences", 0.3,
                () -> new ArenaFreeOnnxModel("e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json", 384)),
        /**
         * sentence-transformers/all-MiniLM-L6-v2: its bundled tokenizer truncates at 128 tokens, so by default only
         * word windows are embedded (a truncated whole passage would stand for its first sentences only).
         */
        ALL_MINILM_L6_V2("all-minilm-l6-v2", "", "", "words", 0.0,
                () -> new ArenaFreeOnnxModel("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", 384));

        private final String id;
        private final String queryPrefix;
        private final String passagePrefix;
        private final String defaultChunking;
        private final double defaultPassageWeight;
        private final Supplier<EmbeddingModel> factory;

        Kind(String id, String queryPrefix, String passagePrefix, String defaultChunking, double defaultPassageWeight,
             Supplier<EmbeddingModel> factory) {
            this.id = id;
            this.queryPrefix = queryPrefix;
            this.passagePrefix = passagePrefix;
            this.defaultChunking = defaultChunking;
            this.defaultPassageWeight = defaultPassageWeight;
            this.factory = factory;
        }

        public String id() {
            return id;
        }

        /**
         * Chunking when the caller does not say: e5 reads whole SQuAD paragraphs (512 tokens) but scores better with
         * sentences added (README, Quality); MiniLM's tokenizer stops at 128 tokens, so it needs word windows.
         */
        public String defaultChunking() {
            return defaultChunking;
        }

        /** Words per window in {@code words} chunking (about 128 MiniLM tokens). */
        public int defaultChunkWords() {
            return 80;
        }

        /** Share of the whole-passage vector in a context's score (the rest: its best chunk). */
        public double defaultPassageWeight() {
            return defaultPassageWeight;
        }

        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown embedding model " + id);
        }

        public static List<String> ids() {
            return java.util.Arrays.stream(values()).map(Kind::id).toList();
        }
    }

    private final Map<Kind, TextEmbedder> loaded = new ConcurrentHashMap<>();

    /** The embedder of {@code kind}, loading its ONNX model on first use (about a second). */
    public TextEmbedder get(Kind kind) {
        return loaded.computeIfAbsent(kind, k -> {
            long start = System.nanoTime();
            EmbeddingModel model = k.factory.get();
            LOG.infof("Loaded embedding model %s in %d ms", k.id, (System.nanoTime() - start) / 1_000_000);
            return new OnnxEmbedder(k, model, 32);
        });
    }

    /** Adapts a LangChain4j model: adds the prefixes, embeds in batches, normalises. */
    static final class OnnxEmbedder implements TextEmbedder {
        private final Kind kind;
        private final EmbeddingModel model;
        private final int batchSize;

        OnnxEmbedder(Kind kind, EmbeddingModel model, int batchSize) {
            this.kind = kind;
            this.model = model;
            this.batchSize = batchSize;
        }

        @Override
        public String name() {
            return kind.id;
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public float[][] embedQueries(List<String> texts) {
            return embed(kind.queryPrefix, texts);
        }

        @Override
        public float[][] embedPassages(List<String> texts) {
            return embed(kind.passagePrefix, texts);
        }

        private float[][] embed(String prefix, List<String> texts) {
            float[][] out = new float[texts.size()][];
            for (int from = 0; from < texts.size(); from += batchSize) {
                List<TextSegment> batch = new ArrayList<>();
                for (int i = from; i < Math.min(texts.size(), from + batchSize); i++) {
                    batch.add(TextSegment.from(prefix + texts.get(i)));
                }
                List<Embedding> embeddings = model.embedAll(batch).content();
                for (int i = 0; i < embeddings.size(); i++) {
                    out[from + i] = normalise(embeddings.get(i).vector());
                }
            }
            return out;
        }
    }

    /** Scales {@code v} to unit length in place (a zero vector stays zero) and returns it. */
    public static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum > 0) {
            float inv = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }
}
