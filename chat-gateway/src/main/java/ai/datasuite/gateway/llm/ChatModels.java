package ai.datasuite.gateway.llm;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import ai.datasuite.gateway.config.ChatConfig;
import ai.datasuite.gateway.config.LlmConfig;

/**
 * LangChain4j's OpenAI chat models built from {@link LlmConfig}, once per model name (users may get different models,
 * e.g. a fine-tuned one) and reused: each holds its own HTTP client and connection pool.
 */
@ApplicationScoped
public class ChatModels {

    /** Local servers (llama.cpp, vLLM, Ollama) take any key; the OpenAI client wants one. */
    static final String NO_KEY = "no-key";

    private final LlmConfig config;
    private final ChatConfig chat;
    private final Map<String, ChatModel> plain = new ConcurrentHashMap<>();
    private final Map<String, StreamingChatModel> streaming = new ConcurrentHashMap<>();

    public ChatModels(LlmConfig config, ChatConfig chat) {
        this.config = config;
        this.chat = chat;
    }

    /** True when chat should ask an LLM at all. */
    public boolean configured() {
        return config.configured();
    }

    /** Where the LLM is, for the notes that explain a fallback. */
    public String baseUrl() {
        return config.effectiveBaseUrl();
    }

    public ChatModel plain(String model) {
        return plain.computeIfAbsent(model, name -> OpenAiChatModel.builder()
                .httpClientBuilder(httpClient())
                .baseUrl(config.effectiveBaseUrl())
                .apiKey(apiKey())
                .modelName(name)
                .temperature(config.temperature())
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(chat.llmMaxRetries())
                // a request's JSON schema binds the answer (product categories: an enum of the list); chat sends none
                .strictJsonSchema(true)
                .build());
    }

    public StreamingChatModel streaming(String model) {
        return streaming.computeIfAbsent(model, name -> OpenAiStreamingChatModel.builder()
                .httpClientBuilder(httpClient())
                .baseUrl(config.effectiveBaseUrl())
                .apiKey(apiKey())
                .modelName(name)
                .temperature(config.temperature())
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .build());
    }

    private String apiKey() {
        return config.apiKey().filter(key -> !key.isBlank()).orElse(NO_KEY);
    }

    /** HTTP/1.1: local servers speak no HTTP/2, and the JDK's h2c upgrade attempt would cost a round trip. */
    private JdkHttpClientBuilder httpClient() {
        return JdkHttpClient.builder()
                .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout());
    }
}
