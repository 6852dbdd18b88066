package ai.datasuite.metadata.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of metadata-service under the {@code metadata.} prefix. */
@ConfigMapping(prefix = "metadata")
public interface MetadataConfig {

    /** Limits of {@code POST /api/v1/tasks/import} (keys {@code metadata.import.*}). */
    @WithName("import")
    Import importing();

    interface Import {

        /** Largest accepted import body (JSONL, CSV or the multipart file part); above it the answer is 413. */
        @WithDefault("20M")
        MemorySize maxBytes();

        /** Most task rows accepted in one import; above it the answer is 413. */
        @WithDefault("100000")
        int maxRows();
    }

    /** Limits of the chat memory under /api/v1/conversations (keys {@code metadata.conversations.*}). */
    Conversations conversations();

    interface Conversations {

        /** Messages a conversation answers with when the caller names no {@code window}. */
        @WithDefault("20")
        int defaultWindow();

        /** Largest {@code window} a caller may ask for; above it the answer is 400. */
        @WithDefault("200")
        int maxWindow();

        /** Largest message {@code citations} array, in characters of its JSON; above it the answer is 400. */
        @WithDefault("100000")
        int maxCitationsChars();
    }

    /** Limits of /api/v1/fine-tune-jobs (keys {@code metadata.fine-tune.*}). */
    @WithName("fine-tune")
    FineTune fineTune();

    interface FineTune {

        /** Most training epochs a job may ask for; above it the answer is 400 naming {@code epochs}. */
        @WithDefault("50")
        int maxEpochs();
    }

    /**
     * Limits of a task's edited steps, {@code PUT /api/v1/tasks/{task_id}/steps}, and of the task charts (keys
     * {@code metadata.tasks.*}).
     */
    Tasks tasks();

    interface Tasks {

        /** Most steps in one saved version; above it the answer is 400. */
        @WithDefault("100")
        int maxSteps();

        /** Longest single step, in characters; above it the answer is 400. */
        @WithDefault("2000")
        int maxStepChars();

        /** Longest note an annotator may attach to a version, in characters. */
        @WithDefault("1000")
        int maxNoteChars();

        /** Most tools the annotations chart lists ({@code GET /api/v1/tasks/charts/annotations}), most used first. */
        @WithDefault("20")
        int chartTopTools();
    }

    /** Limits of evaluation runs under /api/v1/evaluations (keys {@code metadata.evaluations.*}). */
    Evaluations evaluations();

    interface Evaluations {

        /** Most tasks one run may select; above it the create answers 413. */
        @WithDefault("2000")
        int maxTasks();

        /** Longest stored prompt, raw answer or error of one result, in characters; longer text is cut and flagged. */
        @WithDefault("200000")
        int maxTextChars();

        /** Most runs one accuracy chart compares. */
        @WithDefault("10")
        int maxChartRuns();
    }

    /** Limits of the product catalogs under /api/v1/products (keys {@code metadata.products.*}). */
    Products products();

    interface Products {

        /** Most data rows in one catalog import; above it the answer is 413. */
        @WithDefault("100000")
        int maxRows();

        /** Largest import body; above it the answer is 413. */
        @WithDefault("50M")
        MemorySize maxBodyBytes();

        /** Longest product title, in characters; a longer one is a row error. */
        @WithDefault("500")
        int maxTitleChars();

        /** Longest product description, in characters; a longer one is a row error. */
        @WithDefault("20000")
        int maxDescriptionChars();

        /** Most predictions in one {@code PUT .../predictions}; above it the answer is 413. */
        @WithDefault("1000")
        int maxPredictions();
    }
}
