package ai.datasuite.vectorindex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where vectors live: the embedded in-process index persisted to disk
 * ({@link ai.datasuite.vectorindex.embedded.EmbeddedVectorStore}) or a vector database such as Qdrant. Scores are dot
 * products (vectors are normalised by their producers when cosine is meant). Filters are exact matches on payload
 * keys, all of which must hold (e.g. {@code owner}). Failures are {@link VectorStoreException}s: an absent collection
 * where one is required, a collection that exists with other dimensions, a store that does not answer.
 */
public interface VectorStore {

    /**
     * Creates the collection when absent; {@code denseDimension} 0 means no dense vectors. Idempotent; a collection
     * that exists with another dimension or sparse setting is a {@link CollectionConflictException}.
     */
    void ensureCollection(String collection, int denseDimension, boolean sparse);

    /**
     * Inserts or replaces points, in batches, returning once they are durable and searchable; the collection must exist
     * ({@link CollectionNotFoundException} otherwise, where the store checks). Past the points a collection may hold
     * it is a {@link CollectionFullException} and nothing is written (the embedded store; Qdrant has no such limit).
     */
    void upsert(String collection, List<VectorPoint> points);

    /** The top {@code k} points by dense similarity, restricted by {@code filter}. */
    List<ScoredPoint> searchDense(String collection, float[] query, int k, Map<String, String> filter);

    /**
     * The best point of each of the top {@code groups} groups by dense similarity, best first, restricted by
     * {@code filter}. A group is the points sharing a value of the payload key {@code groupKey} (points without it are
     * left out); no group holds more than {@code maxPerGroup} points. Ties prefer the smaller id, as in
     * {@link #searchDense}. This default reads the top {@code groups x maxPerGroup} points, which always hold the
     * top {@code groups} groups with their best points; a store that can group while it scans does so instead.
     */
    default List<ScoredPoint> searchDenseGroups(String collection, float[] query, String groupKey, int groups,
                                                int maxPerGroup, Map<String, String> filter) {
        if (groups <= 0) {
            return List.of();
        }
        long fetch = Math.min((long) groups * Math.max(1, maxPerGroup), Integer.MAX_VALUE);
        Set<String> seen = new HashSet<>();
        List<ScoredPoint> best = new ArrayList<>();
        for (ScoredPoint point : searchDense(collection, query, (int) fetch, filter)) {
            String group = point.payload() == null ? null : point.payload().get(groupKey);
            if (group != null && seen.add(group)) {
                best.add(point);
                if (best.size() == groups) {
                    break;
                }
            }
        }
        return best;
    }

    /** The top {@code k} points by sparse dot product, restricted by {@code filter}. */
    List<ScoredPoint> searchSparse(String collection, SparseVector query, int k, Map<String, String> filter);

    /**
     * The points whose payload matches {@code filter} (all when empty), each with its dense vector and payload (the
     * sparse vector may be left out), in no particular order; empty when the collection is absent. For work that needs
     * the vectors themselves: a point's neighbours, projections and exports of a small collection.
     */
    List<VectorPoint> points(String collection, Map<String, String> filter);

    /** Deletes the points matching {@code filter}; returns how many were deleted when the store knows (else -1). */
    long delete(String collection, Map<String, String> filter);

    /** Names of the collections present, sorted (those a caller's crash may have left behind included). */
    List<String> collections();

    /** Drops the collection and its files; no-op when absent. */
    void dropCollection(String collection);

    /** Point count of the collection (0 when absent). */
    long count(String collection);

    /** Points of the collection whose payload matches {@code filter} (0 when absent; -1 when the store cannot tell). */
    long count(String collection, Map<String, String> filter);
}
