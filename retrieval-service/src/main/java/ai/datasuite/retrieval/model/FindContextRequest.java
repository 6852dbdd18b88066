package ai.datasuite.retrieval.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/models/find_context}. */
public record FindContextRequest(
        @Schema(description = "Saved model id", example = "squad-tfidf-bigrams") String modelId,
        @Schema(description = "The question, at most 2000 characters (retrieval.models.max-question-chars)",
                example = "Which NFL team represented the AFC at Super Bowl 50?")
        String question,
        @Schema(description = "Contexts to return, 1 to 100 (retrieval.models.max-top-k); 5 when absent",
                example = "3") Integer topK) {
}
