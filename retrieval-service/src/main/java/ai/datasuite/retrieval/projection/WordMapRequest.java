package ai.datasuite.retrieval.projection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A map of a collection's most frequent words. */
@Schema(name = "CollectionWordMapRequest")
public record WordMapRequest(
        @Schema(description = "Words at most (1 to retrieval.collections.word-map.max-words, default 200)",
                example = "200") Integer words,
        @Schema(description = "Least occurrences of a word (default 2)", example = "2") Integer minCount,
        @Schema(description = "t-SNE perplexity (1 to 100, default 15; lowered for few words)", example = "15")
        Double perplexity,
        @Schema(description = "Seed of t-SNE (default 42)", example = "42") Long seed) {
}
