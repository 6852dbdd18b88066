package ai.datasuite.gateway.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The LLM the chat and fine-tuning use: OpenAI, or any server speaking OpenAI's API (llama.cpp's server, vLLM,
 * Ollama). With neither a base URL nor a key configured there is no LLM: chat answers extractively and fine-tuning
 * ends {@code exported}.
 */
@ConfigMapping(prefix = "gateway.llm")
public interface LlmConfig {

    /** OpenAI's own API, used when only a key is given. */
    String OPENAI_BASE_URL = "https://api.openai.com/v1";

    /** The API's base URL including {@code /v1}, e.g. {@code http://127.0.0.1:8000/v1} for a local LLaMA 3 server. */
    Optional<String> baseUrl();

    /** The API key (OpenAI's; a local server usually takes any value). */
    Optional<String> apiKey();

    /** The chat model's name as the server knows it. */
    @WithDefault("gpt-4o-mini")
    String model();

    /** The whole call, for a plain answer; a stream may take this long to start. */
    @WithDefault("60s")
    Duration timeout();

    @WithDefault("0.2")
    double temperature();

    /** Upper bound on an answer's tokens. */
    @WithDefault("512")
    int maxTokens();

    /** True when chat should call an LLM (a base URL or a key is configured). */
    default boolean configured() {
        return baseUrl().filter(u -> !u.isBlank()).isPresent() || apiKey().filter(k -> !k.isBlank()).isPresent();
    }

    /** The base URL to call: the configured one, else OpenAI's. */
    default String effectiveBaseUrl() {
        return baseUrl().filter(u -> !u.isBlank()).orElse(OPENAI_BASE_URL);
    }
}
