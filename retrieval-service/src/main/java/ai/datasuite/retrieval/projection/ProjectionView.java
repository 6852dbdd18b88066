package ai.datasuite.retrieval.projection;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collection's items in two dimensions. */
@Schema(name = "CollectionProjection")
public record ProjectionView(
        @Schema(example = "catalog-7") String collection,
        @Schema(example = "t-SNE") String method,
        @Schema(example = "30") double perplexity,
        @Schema(description = "Items in the collection", example = "2465") long total,
        @Schema(description = "True when only max_points of them were projected") boolean sampled,
        List<Point> points) {

    /** One item's place, label and title (payload.title). */
    @Schema(name = "ProjectedItem")
    public record Point(
            @Schema(example = "101") String id,
            @Schema(example = "1.2") double x,
            @Schema(example = "-3.4") double y,
            @Schema(example = "apparel") String label,
            @Schema(example = "Leather backpack") String title) {
    }
}
