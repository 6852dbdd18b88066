package ai.datasuite.gateway.product.llm;

/** A category the LLM may choose: its exact name and an optional description that helps it decide. */
public record LlmCategory(String name, String description) {

    public LlmCategory {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A category needs a name");
        }
    }

    public static LlmCategory of(String name) {
        return new LlmCategory(name, null);
    }
}
