package ai.datasuite.retrieval.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Q&A datasets: upload limits, the local copies, and exploratory data analysis, under {@code retrieval.datasets.}. */
@ConfigMapping(prefix = "retrieval.datasets")
public interface DatasetsConfig {

    /** Largest CSV accepted by {@code POST /api/v1/datasets}; larger gets 413. */
    @WithDefault("50M")
    MemorySize maxSize();

    /** Folder of the parsed local copies ({@code <id>.csv}) and cached EDA results; re-fetched from ingest when gone. */
    @WithDefault("${suite.data-dir}/retrieval/datasets")
    String dir();

    /** At most this many problems (rows with empty fields, wrong field counts) are listed in one 400. */
    @WithDefault("20")
    int maxListedErrors();

    /** Parsed datasets kept in memory (least recently used are dropped first). */
    @WithDefault("8")
    int cacheSize();

    Eda eda();

    Page page();

    /** Paging of {@code GET /api/v1/datasets} and {@code GET /api/v1/datasets/{id}/rows}. */
    interface Page {

        /** Entries per page when the request names no {@code size}. */
        @WithDefault("50")
        int defaultSize();

        /** Largest {@code size} a request may ask for (400 naming {@code size} above it). */
        @WithDefault("500")
        int maxSize();
    }

    /** Exploratory data analysis ({@code GET /api/v1/datasets/{id}/eda}). */
    interface Eda {

        /** Histogram bins per length distribution (fewer when the lengths span fewer values). */
        @WithDefault("20")
        int bins();

        /** Words listed in top_words (the word cloud draws them). */
        @WithDefault("100")
        int topWords();

        /** Most contexts projected by t-SNE; larger datasets are sampled with {@link #seed()}. */
        @WithDefault("1000")
        int maxContexts();

        /** TF-IDF terms (most frequent by document frequency) the t-SNE input keeps. */
        @WithDefault("1000")
        int maxTerms();

        /** Seed of the context sample and of t-SNE, so the projection is the same on every run. */
        @WithDefault("42")
        long seed();

        /** t-SNE perplexity (lowered for datasets with few contexts). */
        @WithDefault("30")
        double perplexity();

        /** t-SNE gradient-descent iterations. */
        @WithDefault("1000")
        int iterations();

        /** Barnes-Hut accuracy/speed trade-off (0 = exact). */
        @WithDefault("0.5")
        double theta();
    }
}
