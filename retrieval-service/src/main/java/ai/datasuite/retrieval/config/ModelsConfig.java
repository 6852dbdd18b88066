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

    /** Quality tests. */
    Quality quality();

    /** Latency benchmarks. */
    Benchmark benchmark();

    interface Quality {

        /** Seed of the question sample drawn when {@code sample} is given, so two runs use the same questions. */
        @WithDefault("42")
        long seed();
    }

    interface Benchmark {

        /** Questions timed when {@code n} is not given. */
        @WithDefault("100")
        int defaultN();

        /** Largest {@code n}. */
        @WithDefault("10000")
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
