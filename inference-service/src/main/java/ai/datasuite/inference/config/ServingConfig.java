package ai.datasuite.inference.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Model serving settings under the {@code inference.serving.} prefix. */
@ConfigMapping(prefix = "inference.serving")
public interface ServingConfig {

    /** Model used by {@code POST /api/v1/predict} and the comment workflow when none is named. */
    @WithDefault("emotion")
    String defaultModel();

    /**
     * Extra models in the Hugging Face ONNX export layout, by id ({@code inference.serving.models.<id>.path}). An id
     * that a built-in source also provides is replaced by the configured folder.
     */
    Map<String, Model> models();

    /** Ids of the models loaded at startup; {@code all} (the default) loads every registered model, {@code none} none. */
    @WithDefault("all")
    List<String> loadAtStart();

    /** Request limits. */
    Limits limits();

    /** ONNX Runtime session options. */
    Onnx onnx();

    /** Dynamic micro-batching of concurrent requests to one model. */
    Batching batching();

    interface Model {

        /** Folder holding {@code model.onnx}, {@code tokenizer.json} and {@code config.json}. */
        String path();

        /** Version reported with every prediction of this model. */
        @WithDefault("1")
        String version();
    }

    interface Limits {

        /** Most texts in one prediction request; above it the answer is 413. */
        @WithDefault("64")
        int maxTexts();

        /** Most characters (code points) in one text; above it the answer is 400 naming the text's index. */
        @WithDefault("5000")
        int maxChars();
    }

    interface Onnx {

        /** Threads used inside one operator; unset means the number of available processors. */
        Optional<Integer> intraOpThreads();

        /** Threads running independent operators in parallel (only used by the parallel execution mode). */
        @WithDefault("1")
        int interOpThreads();
    }

    interface Batching {

        /** Most texts merged into one session run. */
        @WithDefault("32")
        int maxBatchSize();

        /**
         * Longest a batch waits for more requests once other requests are seen queueing; a lone request never waits.
         */
        @WithDefault("2ms")
        Duration maxWait();
    }
}
