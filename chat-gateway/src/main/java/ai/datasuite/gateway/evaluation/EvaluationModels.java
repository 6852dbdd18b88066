package ai.datasuite.gateway.evaluation;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import ai.datasuite.gateway.config.EvaluationConfig;
import ai.datasuite.gateway.config.LlmConfig;

/**
 * The LLM of {@code gateway.llm.*} as evaluation runs call it, one client per model name: LangChain4j's own retries
 * off (the runner counts and records every attempt itself), the run's timeout, temperature and answer length.
 */
@ApplicationScoped
public class EvaluationModels {

    /** Local servers (llama.cpp, vLLM, Ollama) take any key; the OpenAI client wants one. */
    static final String NO_KEY = "no-key";

    private final LlmConfig llm;
    private final EvaluationConfig config;
    private final Map<String, ChatModel> models = new ConcurrentHashMap<>();

    public EvaluationModels(LlmConfig llm, EvaluationConfig config) {
        this.llm = llm;
        this.config = config;
    }

    public boolean configured() {
        return llm.configured();
    }

    public String defaultModel() {
        return llm.model();
    }

    public String baseUrl() {
        return llm.effectiveBaseUrl();
    }

    public ChatModel model(String name) {
        return models.computeIfAbsent(name, model -> OpenAiChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder()
                        // HTTP/1.1: local servers speak no HTTP/2, and the h2c upgrade attempt costs a round trip
                        .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                        .connectTimeout(config.timeout())
                        .readTimeout(config.timeout()))
                .baseUrl(llm.effectiveBaseUrl())
                .apiKey(llm.apiKey().filter(key -> !key.isBlank()).orElse(NO_KEY))
                .modelName(model)
                .temperature(config.temperature())
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0)
                .build());
    }
}
