package ai.datasuite.retrieval.collection;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Nearest items (cosine of e5 vectors, best first). */
public final class Neighbours {

    private Neighbours() {
    }

    /** A neighbour: its id, the cosine similarity and the item's payload. */
    @Schema(name = "CollectionNeighbour")
    public record Neighbour(
            @Schema(example = "102") String id,
            @Schema(example = "0.91") double score,
            Map<String, String> payload) {
    }

    /** The items nearest to one item of the collection (itself left out). */
    @Schema(name = "CollectionSimilarItems")
    public record Similar(
            @Schema(example = "catalog-7") String collection,
            @Schema(example = "101") String id,
            List<Neighbour> neighbours) {
    }

    /** A search by text ("query: " prefix). */
    @Schema(name = "CollectionSearchRequest")
    public record SearchRequest(
            @Schema(example = "leather bag for travel") String text,
            @Schema(description = "How many items (1 to retrieval.collections.max-k, default 10)", example = "10")
            Integer k) {
    }

    /** The items nearest to a search text. */
    @Schema(name = "CollectionSearchResult")
    public record Found(
            @Schema(example = "catalog-7") String collection,
            List<Neighbour> neighbours) {
    }
}
