package ai.datasuite.retrieval.dataset;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Exploratory data analysis of one dataset; computed once and cached. */
@Schema(name = "DatasetEda")
public record EdaView(
        String datasetId,
        @Schema(description = "Per field (context = the distinct contexts; question, answer = every row)")
        Map<String, FieldLengths> lengths,
        WordCounts words,
        @Schema(description = "Most frequent words, stop words and numbers left out (the word cloud draws them)")
        List<WordCount> topWords,
        Tsne tsne,
        @Schema(description = "Milliseconds the analysis took when it was computed")
        long computedMs) {

    /** Length distributions of one field: words (whitespace-separated) and characters (code points). */
    public record FieldLengths(int texts, Distribution words, Distribution characters) {
    }

    /** Summary statistics and an equal-width histogram. */
    public record Distribution(Stats stats, List<Bin> bins) {
    }

    /** p95 and median by linear interpolation between the closest ranks (numpy's default). */
    public record Stats(int count, int min, int max, double mean, double median, double p95) {
    }

    /** Texts whose length is in {@code from..to}, both inclusive. */
    public record Bin(int from, int to, int count) {
    }

    /** Word tokens ({@code \w+}, lower-cased) that are English stop words (scikit-learn's list) and the others. */
    public record WordCounts(long stopWords, long otherWords, double stopWordShare, Map<String, StopCount> perField) {
    }

    public record StopCount(long stopWords, long otherWords) {
    }

    public record WordCount(String word, long count) {
    }

    /**
     * 2-D t-SNE (Barnes-Hut) of the contexts' TF-IDF vectors (L2-normalised, the {@code terms} most frequent terms,
     * English stop words removed). At most {@code max_contexts} contexts, sampled with {@code seed}; the same dataset
     * always gives the same points. {@code context_id} is the index in the dataset's distinct contexts.
     */
    public record Tsne(int contextsTotal, int contextsProjected, int terms, double perplexity, int iterations,
                       double theta, long seed, String note, List<Point> points) {
    }

    public record Point(int contextId, double x, double y) {
    }
}
