package ai.datasuite.retrieval.model;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/models/fit_save}: what to fit on, which type with which parameters, and an optional id. */
public record FitRequest(
        @Schema(description = "Dataset to fit on (its distinct contexts are indexed)", example = "squad")
        String datasetId,
        @Schema(description = "tfidf (also spelt tf-idf), bm25, embedding or hybrid", example = "tfidf")
        String modelType,
        @Schema(description = "Type-specific parameters; omitted ones take their defaults, unknown ones are rejected")
        Map<String, Object> params,
        @Schema(description = "Id to save under, [A-Za-z0-9_-]{1,64}; generated when absent",
                example = "squad-tfidf-bigrams")
        String modelId) {
}
