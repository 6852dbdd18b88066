package ai.datasuite.retrieval.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/models/benchmark}. */
public record BenchmarkRequest(
        @Schema(description = "Saved model id", example = "squad-tfidf-bigrams") String modelId,
        @Schema(description = "Questions to time, 1 to 1000 (retrieval.models.benchmark.max-n); 100 when absent",
                example = "100") Integer n) {
}
