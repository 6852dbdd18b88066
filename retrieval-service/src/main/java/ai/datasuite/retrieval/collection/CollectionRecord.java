package ai.datasuite.retrieval.collection;

import java.time.Instant;

/**
 * A collection's registry entry: who owns it, when it was made, the embedding model and dimension of its vectors, its
 * version (raised by every upsert, so cached projections of an older state are never served) and its item count after
 * the last upsert (what the listing shows, so listing does not read every collection into memory).
 */
public record CollectionRecord(String name, String owner, Instant createdAt, String model, int dimension,
        long version, long count) {

    CollectionRecord next(long newCount) {
        return new CollectionRecord(name, owner, createdAt, model, dimension, version + 1, newCount);
    }
}
