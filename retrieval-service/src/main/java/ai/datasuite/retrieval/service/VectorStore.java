package ai.datasuite.retrieval.service;

import java.util.List;
import java.util.Map;

/**
 * Where vectors live: Qdrant (gRPC) or the embedded in-process index persisted to disk; chosen by configuration.
 * Scores are dot products (vectors are normalised by their producers when cosine is meant). Filters are exact
 * matches on payload keys, all of which must hold (e.g. {@code owner}).
 */
public interface VectorStore {

    /** Creates the collection when absent; {@code denseDimension} 0 means no dense vectors. Idempotent. */
    void ensureCollection(String collection, int denseDimension, boolean sparse);

    /** Inserts or replaces points, in batches, returning once they are durable and searchable. */
    void upsert(String collection, List<VectorPoint> points);

    /** The top {@code k} points by dense similarity, restricted by {@code filter}. */
    List<ScoredPoint> searchDense(String collection, float[] query, int k, Map<String, String> filter);

    /** The top {@code k} points by sparse dot product, restricted by {@code filter}. */
    List<ScoredPoint> searchSparse(String collection, SparseVector query, int k, Map<String, String> filter);

    /** Deletes the points matching {@code filter}; returns how many were deleted when the store knows (else -1). */
    long delete(String collection, Map<String, String> filter);

    /** Drops the collection and its files; no-op when absent. */
    void dropCollection(String collection);

    /** Point count of the collection (0 when absent). */
    long count(String collection);
}
