package ai.datasuite.retrieval.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/models/quality_test}. */
public record QualityTestRequest(
        @Schema(description = "Saved model id", example = "squad-tfidf-bigrams") String modelId,
        @Schema(description = "Dataset whose questions are asked; the model's own dataset when absent",
                example = "squad") String datasetId,
        @Schema(description = "Ask only this many questions, drawn with a fixed seed (same sample every run); all when"
                + " absent or larger than the dataset; at most retrieval.models.quality.max-questions (10,000) are"
                + " asked in one test", example = "1000") Integer sample) {
}
