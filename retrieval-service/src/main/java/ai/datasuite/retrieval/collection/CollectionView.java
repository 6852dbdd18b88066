package ai.datasuite.retrieval.collection;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collection as the API shows it. */
public record CollectionView(
        @Schema(example = "catalog-7") String name,
        @Schema(example = "alice") String owner,
        @Schema(description = "Items held", example = "2465") long count,
        @Schema(example = "384") int dimension,
        @Schema(example = "e5-small-v2") String model,
        Instant createdAt) {

    /** The listing: {@code {"items": [...]}}. */
    @Schema(name = "CollectionList")
    public record Listing(java.util.List<CollectionView> items) {
    }
}
