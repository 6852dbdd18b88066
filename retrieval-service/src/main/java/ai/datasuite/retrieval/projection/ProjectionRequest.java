package ai.datasuite.retrieval.projection;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A t-SNE projection of a collection's item vectors. */
@Schema(name = "CollectionProjectionRequest")
public record ProjectionRequest(
        @Schema(description = "Label per item id (optional; else each item's payload.category)",
                example = "{\"101\": \"apparel\"}") Map<String, String> labels,
        @Schema(description = "Points at most (2 to retrieval.collections.projection.max-points, which is also the default);"
                + " larger collections are sampled with the seed", example = "2000") Integer maxPoints,
        @Schema(description = "t-SNE perplexity (1 to 100, default 30; lowered for small collections)",
                example = "30") Double perplexity,
        @Schema(description = "Seed of the sample and of t-SNE (default 42)", example = "42") Long seed) {
}
