package ai.datasuite.retrieval.model;

import java.util.List;

import ai.datasuite.retrieval.dataset.QaDataset;

/**
 * A fitted retrieval model, loaded and ready to answer questions. Context ids are indexes into the fitted dataset's
 * {@link QaDataset#contexts()} (each distinct context text once, first occurrence first).
 */
public interface RetrievalModel extends AutoCloseable {

    /** One ranked context: its index in {@link QaDataset#contexts()} and the model's score (higher is better). */
    record Hit(int contextId, double score) {
    }

    /** The {@code k} best contexts for {@code question}, best first; ties keep the lower context id first. */
    List<Hit> search(String question, int k);

    /** Heap held by this loaded model (vocabulary, idf, cached vectors, ...), an estimate in bytes. */
    long memoryBytes();

    /** Releases what the model holds (sessions, caches); the model is not used afterwards. */
    @Override
    void close();
}
