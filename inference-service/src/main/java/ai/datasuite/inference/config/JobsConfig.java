package ai.datasuite.inference.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Batch jobs under {@code inference.jobs.} (environment: {@code INFERENCE_JOBS_PREDICT_CRON} and so on). */
@ConfigMapping(prefix = "inference.jobs")
public interface JobsConfig {

    Predict predict();

    /** How many finished jobs {@code GET /api/v1/jobs} remembers (in memory, per instance). */
    @WithDefault("50")
    int history();

    /** The job that predicts pending comments. */
    interface Predict {

        /** Quartz cron of the scheduled run (default: every minute); {@code off} disables scheduling. */
        @WithDefault("0 * * * * ?")
        String cron();

        /** Comments claimed, classified and written back together. */
        @WithDefault("32")
        int batchSize();

        /**
         * How long a claimed batch stays reserved for this worker; a batch not written back by then can be claimed
         * by another worker (whose results win, ours are then rejected).
         */
        @WithDefault("5m")
        Duration lease();

        /** A comment whose prediction failed this many times is marked failed and no longer claimed. */
        @WithDefault("3")
        int maxAttempts();

        /** Batches one run handles at most, so a backlog does not keep a run going for ever. */
        @WithDefault("100")
        int maxBatchesPerRun();

        /** The model that predicts comments (defaults to the one of {@code ?predict=now}). */
        @WithDefault("${inference.comments.model-id:emotion}")
        String modelId();
    }
}
