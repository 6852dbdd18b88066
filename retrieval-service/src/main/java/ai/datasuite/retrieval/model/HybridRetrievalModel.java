package ai.datasuite.retrieval.model;

import java.util.List;

/** A sparse and a dense model whose candidates are fused ({@link ScoreFusion}); see {@link HybridModelType}. */
class HybridRetrievalModel implements RetrievalModel {

    /** How to fuse: RRF or the weighted sum ({@code weight} is the dense share), over {@code candidates} per part. */
    public record Settings(boolean rrf, ScoreFusion.Normalization normalization, double weight, int rrfK,
                           int candidates) {
    }

    private final RetrievalModel sparse;
    private final DenseRetrievalModel dense;
    private final Settings settings;

    public HybridRetrievalModel(RetrievalModel sparse, DenseRetrievalModel dense, Settings settings) {
        this.sparse = sparse;
        this.dense = dense;
        this.settings = settings;
    }

    @Override
    public List<Hit> search(String question, int k) {
        if (k <= 0) {
            return List.of();
        }
        int depth = Math.max(k, settings.candidates());
        List<Hit> sparseHits = sparse.search(question, depth);
        List<Hit> denseHits = dense.search(question, depth);
        List<Hit> fused = settings.rrf()
                ? ScoreFusion.rrf(List.of(sparseHits, denseHits), settings.rrfK())
                : ScoreFusion.weighted(sparseHits, denseHits, settings.weight(), settings.normalization());
        return fused.size() > k ? List.copyOf(fused.subList(0, k)) : fused;
    }

    @Override
    public long memoryBytes() {
        return sparse.memoryBytes() + dense.memoryBytes();
    }

    @Override
    public void close() {
        try {
            sparse.close();
        } finally {
            dense.close();
        }
    }
}
