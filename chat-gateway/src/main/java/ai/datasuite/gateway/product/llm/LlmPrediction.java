package ai.datasuite.gateway.product.llm;

/**
 * The LLM's category for one text: a name from the list with score 1.0, or {@code category} null with score 0 when
 * the model gave no answer inside the list (even when asked again).
 */
public record LlmPrediction(String category, double score) {

    static final LlmPrediction NONE = new LlmPrediction(null, 0);

    static LlmPrediction of(String category) {
        return category == null ? NONE : new LlmPrediction(category, 1.0);
    }
}
