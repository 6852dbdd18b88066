package ai.datasuite.gateway.product.llm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.ChatResponse;

import ai.datasuite.gateway.config.ChatConfig;
import ai.datasuite.gateway.config.LlmConfig;
import ai.datasuite.gateway.llm.ChatModels;
import ai.datasuite.gateway.llm.LlmFailure;

/**
 * Categorizes texts with the suite's LLM ({@code gateway.llm.*}, the client of {@link ChatModels}): texts go
 * {@code batch-size} at a time as numbered items, the answer is JSON constrained by a schema whose category is an enum
 * of the list; an item answered outside the list (a server may ignore the schema) or not at all is asked once more
 * with the others left out, then stays uncategorized. Answers are cached, so a text is sent once per model and list.
 * A failed call is retried as chat's are ({@code gateway.chat.llm-max-retries}), then ends the call with an
 * {@link LlmCategorizeException} saying why; the batches answered before it stay cached.
 */
@ApplicationScoped
public class LlmCategorizer {

    private static final Logger LOG = Logger.getLogger(LlmCategorizer.class);

    private final ChatModels models;
    private final LlmConfig llm;
    private final ChatConfig chat;
    private final LlmCategorizeConfig config;
    private final PredictionCache cache;
    /** Set when the server refused a request with a schema but took it without: later calls leave it out. */
    private volatile boolean schemaRefused;

    public LlmCategorizer(ChatModels models, LlmConfig llm, ChatConfig chat, LlmCategorizeConfig config) {
        this.models = models;
        this.llm = llm;
        this.chat = chat;
        this.config = config;
        this.cache = new PredictionCache(config.maxCacheEntries());
    }

    /** True when an LLM is configured for the suite (a base URL or an API key). */
    public boolean configured() {
        return models.configured();
    }

    /** What the predictions are recorded with, e.g. {@code llm:gpt-4o-mini}. */
    public String modelVersion() {
        return "llm:" + llm.model();
    }

    /**
     * One prediction per text, in order. Texts are cut to {@code max-text-chars}; a blank text is not sent and stays
     * uncategorized.
     *
     * @throws IllegalArgumentException when there are no categories
     * @throws LlmCategorizeException when no LLM is configured (409) or a call fails (502)
     */
    public List<LlmPrediction> categorize(List<String> texts, List<LlmCategory> categories) {
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("At least one category is needed");
        }
        if (!configured()) {
            throw LlmCategorizeException.notConfigured();
        }
        String model = llm.model();
        LlmPrediction[] predictions = new LlmPrediction[texts.size()];
        Arrays.fill(predictions, LlmPrediction.NONE);
        // each distinct text once, with the positions it fills
        Map<String, List<Integer>> pending = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = prepare(texts.get(i));
            if (text.isEmpty()) {
                continue;
            }
            String cached = cache.get(PredictionCache.key(model, categories, text));
            if (cached != null) {
                predictions[i] = LlmPrediction.of(cached);
            } else {
                pending.computeIfAbsent(text, t -> new ArrayList<>()).add(i);
            }
        }
        CategoryPrompt prompt = new CategoryPrompt(categories);
        List<String> todo = new ArrayList<>(pending.keySet());
        for (int from = 0; from < todo.size(); from += config.batchSize()) {
            List<String> batch = todo.subList(from, Math.min(todo.size(), from + config.batchSize()));
            Map<String, String> answered = ask(model, prompt, batch);
            List<String> again = batch.stream().filter(text -> !answered.containsKey(text)).toList();
            if (!again.isEmpty()) {
                LOG.debugf("LLM categorization: %d of %d items unanswered or outside the list, asked again",
                        again.size(), batch.size());
                answered.putAll(ask(model, prompt, again));
            }
            for (String text : batch) {
                String category = answered.get(text);
                if (category != null) {
                    cache.put(PredictionCache.key(model, categories, text), category);
                    for (int position : pending.get(text)) {
                        predictions[position] = LlmPrediction.of(category);
                    }
                }
            }
        }
        return List.of(predictions);
    }

    /** The categories inside the list that the LLM gave {@code texts}, by text. */
    private Map<String, String> ask(String model, CategoryPrompt prompt, List<String> texts) {
        String answer = call(model, prompt, texts);
        Map<String, String> answered = new LinkedHashMap<>();
        prompt.read(answer, texts.size()).forEach((item, category) -> answered.put(texts.get(item - 1), category));
        return answered;
    }

    private String call(String model, CategoryPrompt prompt, List<String> texts) {
        boolean withSchema = !schemaRefused;
        try {
            return text(models.plain(model).chat(prompt.request(texts, withSchema, config.temperature(),
                    config.maxAnswerTokens())));
        } catch (RuntimeException e) {
            if (withSchema && refusedRequest(e)) {
                // older OpenAI-compatible servers answer 400 to response_format json_schema; the list is checked anyway
                String answer = callWithoutSchema(model, prompt, texts, e);
                schemaRefused = true;
                LOG.infof("The LLM at %s refused a JSON schema; categorizing without one",
                        models.baseUrl());
                return answer;
            }
            throw failed(e);
        }
    }

    private String callWithoutSchema(String model, CategoryPrompt prompt, List<String> texts, RuntimeException first) {
        try {
            return text(models.plain(model).chat(prompt.request(texts, false, config.temperature(),
                    config.maxAnswerTokens())));
        } catch (RuntimeException e) {
            e.addSuppressed(first);
            throw failed(e);
        }
    }

    private LlmCategorizeException failed(RuntimeException e) {
        String reason = LlmFailure.describe(e, models.baseUrl());
        LOG.warnf("LLM categorization: %s", reason);
        return LlmCategorizeException.failed(reason, chat.llmMaxRetries(), e);
    }

    private static String text(ChatResponse response) {
        return response.aiMessage() == null ? null : response.aiMessage().text();
    }

    private static boolean refusedRequest(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return http.statusCode() == 400 || http.statusCode() == 422;
            }
        }
        return false;
    }

    /** One line, cut to max-text-chars (the cache key is of this form, so a longer tail never splits the cache). */
    private String prepare(String text) {
        String line = text == null ? "" : CategoryPrompt.oneLine(text);
        if (line.length() <= config.maxTextChars()) {
            return line;
        }
        int end = config.maxTextChars();
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--; // never half an emoji
        }
        return line.substring(0, end).strip();
    }
}
