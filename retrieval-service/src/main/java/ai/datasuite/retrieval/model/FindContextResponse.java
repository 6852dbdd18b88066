package ai.datasuite.retrieval.model;

import java.util.List;

/** The best contexts for a question, best first; fewer than {@code top_k} when fewer contexts share a term with it. */
public record FindContextResponse(String modelId, String question, int topK, List<ContextHit> results,
                                  double tookMs) {

    /** One ranked context: its id (index among the dataset's distinct contexts), text and score. */
    public record ContextHit(int contextId, String context, double score) {
    }
}
