package ai.datasuite.retrieval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Retrieval models (fit, load, search, quality tests, benchmarks) under {@code retrieval.models.}. */
@ConfigMapping(prefix = "retrieval.models")
public interface ModelsConfig {

    /** Folder holding one sub-folder per saved model ({@code <dir>/<model_id>/model.json} and the type's files). */
    @WithDefault("${suite.data-dir}/retrieval/models")
    String dir();

    /**
     * Whether {@code find_context}, {@code quality_test} and {@code benchmark} load a saved but unloaded model
     * themselves; when false they answer 409 until {@code load_model} is called.
     */
    @WithDefault("true")
    boolean loadOnDemand();

    /** Ranked contexts returned by {@code find_context} when {@code top_k} is not given. */
    @WithDefault("5")
    int defaultTopK();

    /** Largest {@code top_k} of {@code find_context}. */
    @WithDefault("100")
    int maxTopK();

    /**
     * Longest {@code find_context} question in characters (400 naming this key above it); the answer echoes the
     * question, and the embedding models read only ~512 tokens of it anyway.
     */
    @WithDefault("2000")
    int maxQuestionChars();

    /** Limits of one {@code fit_save}. */
    Fit fit();

    /** Quality tests. */
    Quality quality();

    /** Latency benchmarks. */
    Benchmark benchmark();

    interface Quality {

        /** Seed of the question sample drawn when {@code sample} is given, so two runs use the same questions. */
        @WithDefault("42")
        long seed();

        /**
         * Most questions one {@code quality_test} asks (one search each; with an embedding model about 13 ms each
         * here, so 10,000 take about two minutes). A dataset with more questions needs a {@code sample} of at most
         * this many (413 naming this key otherwise).
         */
        @WithDefault("10000")
        int maxQuestions();
    }

    interface Fit {

        /**
         * Fewest {@code chunk_words} an {@code embedding} fit (or a hybrid's {@code dense_params}) may ask for with
         * {@code chunking words}: shorter windows carry little meaning and multiply the texts to embed.
         */
        @WithDefault("8")
        int minChunkWords();

        /**
         * Most texts (whole contexts and their chunks) one embedding fit embeds (413 naming this key above it). About
         * 15 ms each with e5 on 2 cores (SQuAD's 1,635 contexts make 9,770 texts, fitted in 146 s): the default is
         * about 5 minutes of work, twice SQuAD.
         */
        @WithDefault("20000")
        int maxEmbeddedTexts();

        /**
         * Most distinct terms (n-grams included) a tfidf or bm25 fit may count before pruning (413 naming this key
         * above it). They are held in memory while counting, about 150 bytes each: the default takes about 150 MB of
         * the 1 GB heap at most.
         */
        @WithDefault("1000000")
        int maxTerms();
    }

    interface Benchmark {

        /** Questions timed when {@code n} is not given. */
        @WithDefault("100")
        int defaultN();

        /**
         * Largest {@code n} (400 naming this key above it). A benchmark runs its searches one after another in the
         * request: a hybrid or embedding search (e5 on the question, then the store) takes about 13 ms here, so 1,000
         * answer in about 15 s and stay under a minute even with the cores shared 4 ways.
         */
        @WithDefault("1000")
        int maxN();

        /** Untimed searches run first, so the JIT and caches are warm. */
        @WithDefault("10")
        int warmup();

        /** Contexts ranked per timed search. */
        @WithDefault("10")
        int topK();

        /** Seed of the random question draw. */
        @WithDefault("7")
        long seed();
    }
}
