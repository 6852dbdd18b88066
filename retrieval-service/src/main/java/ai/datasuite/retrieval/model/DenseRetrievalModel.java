package ai.datasuite.retrieval.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.datasuite.retrieval.embedding.TextEmbedder;
import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.VectorStore;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/**
 * An embedding model. The {@link VectorStore} collection holds unit vectors with payload {@code context_id} and
 * {@code kind}: {@code passage} (the whole context) and, when the model chunks, {@code chunk} (each sentence or word
 * window). A context scores {@code w * cos(question, passage) + (1 - w) * max over its chunks cos(question, chunk)},
 * {@code w} being {@code passage_weight}. Scores come from the store's top candidates: a context missing from one list
 * gets that list's lowest score (it ranked below all of them).
 */
class DenseRetrievalModel implements RetrievalModel {

    static final String KIND = "kind";
    static final String CONTEXT_ID = "context_id";
    static final String PASSAGE = "passage";
    static final String CHUNK = "chunk";
    /** Contexts scored per search before the best k are kept: enough for the two lists to overlap. */
    static final int CANDIDATES = 100;

    private final TextEmbedder embedder;
    private final VectorStore store;
    private final String collection;
    private final int maxChunksPerContext;
    private final double passageWeight;
    private final boolean chunked;

    public DenseRetrievalModel(TextEmbedder embedder, VectorStore store, String collection, boolean chunked,
                               int maxChunksPerContext, double passageWeight) {
        this.embedder = embedder;
        this.store = store;
        this.collection = collection;
        this.chunked = chunked;
        this.maxChunksPerContext = Math.max(1, maxChunksPerContext);
        this.passageWeight = chunked ? passageWeight : 1.0;
    }

    @Override
    public List<Hit> search(String question, int k) {
        return search(embedder.embedQueries(List.of(question))[0], k);
    }

    /** The best {@code k} contexts for an already embedded question. */
    public List<Hit> search(float[] query, int k) {
        if (k <= 0) {
            return List.of();
        }
        if (passageWeight >= 1.0) {
            return top(bestPerContext(store.searchDense(collection, query, k, Map.of(KIND, PASSAGE))), k);
        }
        int n = Math.max(k, CANDIDATES);
        // The n contexts with the best chunks, each with its best chunk: a context not among them scores below all.
        Map<Integer, Double> chunks = bestPerContext(store.searchDenseGroups(collection, query, CONTEXT_ID, n,
                maxChunksPerContext, Map.of(KIND, CHUNK)));
        if (passageWeight <= 0.0) {
            return top(chunks, k);
        }
        Map<Integer, Double> passages = bestPerContext(store.searchDense(collection, query, n, Map.of(KIND, PASSAGE)));
        double passageFloor = min(passages);
        double chunkFloor = min(chunks);
        Map<Integer, Double> combined = new HashMap<>();
        for (Integer id : union(passages, chunks)) {
            combined.put(id, passageWeight * passages.getOrDefault(id, passageFloor)
                    + (1 - passageWeight) * chunks.getOrDefault(id, chunkFloor));
        }
        return top(combined, k);
    }

    static Map<Integer, Double> bestPerContext(List<ScoredPoint> points) {
        Map<Integer, Double> best = new HashMap<>();
        for (ScoredPoint p : points) {
            best.merge(Integer.parseInt(p.payload().get(CONTEXT_ID)), p.score(), Math::max);
        }
        return best;
    }

    private static List<Integer> union(Map<Integer, Double> a, Map<Integer, Double> b) {
        java.util.Set<Integer> ids = new java.util.HashSet<>(a.keySet());
        ids.addAll(b.keySet());
        return new ArrayList<>(ids);
    }

    private static double min(Map<Integer, Double> scores) {
        return scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static List<Hit> top(Map<Integer, Double> scores, int k) {
        List<Hit> hits = new ArrayList<>(scores.size());
        scores.forEach((id, score) -> hits.add(new Hit(id, score)));
        hits.sort(HIT_ORDER);
        return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
    }

    /** Best first; equal scores keep the lower context id first. */
    static final java.util.Comparator<Hit> HIT_ORDER = (a, b) -> {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : Integer.compare(a.contextId(), b.contextId());
    };

    public TextEmbedder embedder() {
        return embedder;
    }

    @Override
    public long memoryBytes() {
        // The vectors are the store's (see VectorStore); the ONNX model is shared by all models and not counted.
        return store instanceof EmbeddedVectorStore embedded ? embedded.memoryBytes(collection) : 0;
    }

    @Override
    public void close() {
        if (store instanceof EmbeddedVectorStore embedded) {
            embedded.release(collection);
        }
    }
}
