package ai.datasuite.retrieval.collection;

import java.time.Instant;

/**
 * A collection's registry entry: who owns it, when it was made, the embedding model and dimension of its vectors, and
 * its version (raised by every upsert, so cached projections of an older state are never served).
 */
public record CollectionRecord(String name, String owner, Instant createdAt, String model, int dimension,
        long version) {

    CollectionRecord nextVersion() {
        return new CollectionRecord(name, owner, createdAt, model, dimension, version + 1);
    }
}
