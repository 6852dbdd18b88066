package ai.datasuite.retrieval.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.VectorStore;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/**
 * A TF-IDF or BM25 model: the vectorizer stays in memory, the document vectors live in the {@link VectorStore}
 * collection, and a search is the store's sparse dot product with the question's vector.
 */
final class SparseRetrievalModel implements RetrievalModel {

    static final String CONTEXT_ID = "context_id";
    static final String DATASET_ID = "dataset_id";
    private static final int BATCH = 512;

    private final Function<String, SparseVector> queryEncoder;
    private final String collection;
    private final VectorStore store;
    private final long memoryBytes;

    SparseRetrievalModel(Function<String, SparseVector> queryEncoder, String collection, VectorStore store,
                         long memoryBytes) {
        this.queryEncoder = queryEncoder;
        this.collection = collection;
        this.store = store;
        this.memoryBytes = memoryBytes;
    }

    /** Writes one point per context (id = context index); contexts whose vector is empty can never score, so skipped. */
    static void index(QaDataset dataset, Function<String, SparseVector> documentEncoder, String collection,
                      VectorStore store) {
        store.ensureCollection(collection, 0, true);
        List<VectorPoint> batch = new ArrayList<>(BATCH);
        List<String> contexts = dataset.contexts();
        for (int i = 0; i < contexts.size(); i++) {
            SparseVector vector = documentEncoder.apply(contexts.get(i));
            if (vector.indices().length == 0) {
                continue;
            }
            batch.add(new VectorPoint(i, null, vector, Map.of(DATASET_ID, dataset.id(), CONTEXT_ID,
                    Integer.toString(i))));
            if (batch.size() == BATCH) {
                store.upsert(collection, batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            store.upsert(collection, batch);
        }
    }

    @Override
    public List<Hit> search(String question, int k) {
        SparseVector query = queryEncoder.apply(question);
        if (query.indices().length == 0) {
            // No known term: every context scores 0, so no context is ranked.
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (ScoredPoint point : store.searchSparse(collection, query, k, Map.of())) {
            if (point.score() > 0) {
                hits.add(new Hit((int) point.id(), point.score()));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingInt(Hit::contextId));
        return hits;
    }

    @Override
    public long memoryBytes() {
        return memoryBytes;
    }

    @Override
    public void close() {
        // The vectorizer is garbage once the registry drops the model; the embedded store's copy of the vectors is
        // dropped from memory too (it stays on disk for the next load).
        if (store instanceof EmbeddedVectorStore embedded) {
            embedded.release(collection);
        }
    }
}
