package ai.datasuite.retrieval.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Retrieval quality over {@code n} questions, each with one relevant context (its own): {@code accuracy} is the
 * share whose top-ranked context is their own (= recall@1); recall@k, MRR@10 and nDCG@10 follow BEIR/MTEB
 * (pytrec_eval) with binary relevance. {@code unindexed} counts questions whose context text is not in the model's
 * index (always wrong). {@code seed} is set when a sample was drawn.
 */
public record QualityReport(String modelId, String datasetId, int n, Integer sample, Long seed, double accuracy,
                            @JsonProperty("recall_at_1") double recallAt1,
                            @JsonProperty("recall_at_5") double recallAt5,
                            @JsonProperty("recall_at_10") double recallAt10,
                            @JsonProperty("mrr_at_10") double mrrAt10,
                            @JsonProperty("ndcg_at_10") double ndcgAt10,
                            int unindexed, long tookMillis) {
}
