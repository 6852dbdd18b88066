package ai.datasuite.gateway.product.llm;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Product categorization by the LLM of {@code gateway.llm.*} ({@code mode: llm}): how many texts go into one call,
 * how much of each, and the cache that keeps the same text from being sent twice.
 */
@ConfigMapping(prefix = "gateway.products.llm")
public interface LlmCategorizeConfig {

    /** Texts per LLM call, numbered in the prompt; the answer needs about 15 tokens per text. */
    @WithDefault("20")
    @Min(1)
    @Max(200)
    int batchSize();

    /** Answers kept in memory (least recently used dropped first), keyed by model, category list and text. */
    @WithDefault("20000")
    @Min(0)
    int maxCacheEntries();

    /** A text is cut to this many characters in the prompt (a title and the start of its description). */
    @WithDefault("1000")
    @Min(1)
    int maxTextChars();

    /** Sampling temperature of these calls (0: the same text gets the same answer). */
    @WithDefault("0")
    double temperature();

    /** Upper bound on one answer's tokens (overrides gateway.llm.max-tokens, which is sized for chat answers). */
    @WithDefault("2000")
    @Min(64)
    int maxAnswerTokens();
}
