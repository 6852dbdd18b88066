package ai.datasuite.retrieval.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.retrieval.config.ModelsConfig;

/** {@code find_context}: the best contexts of a loaded model for one question (loading it on demand). */
@ApplicationScoped
public class ModelSearch {

    static final String MAX_QUESTION_CHARS = "retrieval.models.max-question-chars";

    private final ModelRegistry registry;
    private final ModelsConfig config;

    public ModelSearch(ModelRegistry registry, ModelsConfig config) {
        this.registry = registry;
        this.config = config;
    }

    public FindContextResponse findContext(FindContextRequest request) {
        if (request == null) {
            throw ModelRequests.field("body", "A JSON body with model_id and question is required");
        }
        if (request.question() == null || request.question().isBlank()) {
            throw ModelRequests.field("question", "question must not be blank");
        }
        if (request.question().length() > config.maxQuestionChars()) {
            // The detail names the length, never the text: an oversized question is not echoed back.
            throw ModelRequests.limit("question", "question has " + request.question().length()
                    + " characters; at most " + config.maxQuestionChars(), MAX_QUESTION_CHARS,
                    config.maxQuestionChars());
        }
        int topK = request.topK() == null ? config.defaultTopK() : request.topK();
        if (topK < 1 || topK > config.maxTopK()) {
            throw ModelRequests.field("top_k", "top_k must be from 1 to " + config.maxTopK() + " (got " + topK + ")");
        }
        ModelRegistry.Loaded model = registry.ready(request.modelId()).model();
        long start = System.nanoTime();
        List<RetrievalModel.Hit> hits = model.model().search(request.question(), topK);
        List<FindContextResponse.ContextHit> results = new ArrayList<>();
        for (RetrievalModel.Hit hit : hits) {
            results.add(new FindContextResponse.ContextHit(hit.contextId(), model.contexts().get(hit.contextId()),
                    hit.score()));
        }
        double tookMs = (System.nanoTime() - start) / 1e6;
        return new FindContextResponse(model.meta().modelId(), request.question(), topK, results, tookMs);
    }
}
