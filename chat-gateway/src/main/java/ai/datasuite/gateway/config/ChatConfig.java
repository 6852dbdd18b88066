package ai.datasuite.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code POST /api/chat}: input limits, how much is retrieved, the memory window and the prompt's size. */
@ConfigMapping(prefix = "gateway.chat")
public interface ChatConfig {

    /** Longest question accepted (400 {@code query} beyond). */
    @WithDefault("2000")
    int maxQueryChars();

    /** Chunks retrieved when the request has no {@code top_k}. */
    @WithDefault("3")
    int topK();

    /** Largest {@code top_k} a request may ask for (400 beyond). */
    @WithDefault("20")
    int maxTopK();

    /** Best sentences asked from retrieval; the extractive answer joins these (two: at most two sentences). */
    @WithDefault("2")
    int highlights();

    /** How many earlier messages of the conversation go into the prompt as chat history. */
    @WithDefault("10")
    int memoryWindow();

    /** A new conversation's title is the start of its first question, at most this long (metadata: 200). */
    @WithDefault("60")
    int titleChars();

    /** A source's text is cut to this many characters in the prompt. */
    @WithDefault("4000")
    int maxSourceChars();

    /** A citation's {@code text} (answered and stored with the message) is cut to this many characters. */
    @WithDefault("1000")
    int citationTextChars();

    /** Retries of a plain (not streamed) LLM call; each failure delays the extractive fallback. */
    @WithDefault("0")
    int llmMaxRetries();
}
