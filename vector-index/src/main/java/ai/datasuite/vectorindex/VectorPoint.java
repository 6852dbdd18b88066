package ai.datasuite.vectorindex;

import java.util.Map;

/**
 * A point of a collection: a non-negative id, a dense vector and/or a sparse vector (null when the collection has
 * none), and a string payload (dataset, context id, owner, source file, ...).
 */
public record VectorPoint(long id, float[] dense, SparseVector sparse, Map<String, String> payload) {
}
