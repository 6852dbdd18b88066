package ai.datasuite.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Fine-tuning ({@code POST /api/fine-tune}): the accepted parameters, how the training set is collected, the
 * background work's bounds and how the provider's job is followed. The provider itself is the LLM of
 * {@link LlmConfig} (base URL and key).
 */
@ConfigMapping(prefix = "gateway.fine-tune")
public interface FineTuneConfig {

    /** The model the provider fine-tunes (OpenAI: a fine-tunable snapshot). */
    @WithDefault("gpt-4o-mini-2024-07-18")
    String baseModel();

    /** Largest {@code parameters.epochs} accepted (the smallest is 1). */
    @WithDefault("50")
    int maxEpochs();

    /** Largest {@code parameters.learning_rate} accepted (it must be above 0). */
    @WithDefault("1.0")
    double maxLearningRate();

    /** Fewer examples than this fail the job (OpenAI refuses a training file with fewer than 10). */
    @WithDefault("10")
    int minExamples();

    /** The training set stops growing here (dataset rows first, then rated chat turns). */
    @WithDefault("5000")
    int maxExamples();

    /** Rows asked per page of a dataset (retrieval-service bounds it too). */
    @WithDefault("100")
    int pageSize();

    /** The system message of every training example. */
    @WithDefault("You answer questions about the user's documents and the notice board, from the context given.")
    String systemPrompt();

    /** Jobs building, uploading or being polled at once; one more is refused with 503 until one ends. */
    @WithDefault("8")
    int maxActiveJobs();

    /** Threads doing the jobs' work (collecting, storing, uploading, polling). */
    @WithDefault("2")
    int threads();

    /** How often the provider's job status is asked. */
    @WithDefault("30s")
    Duration pollInterval();

    /** How long a provider job is followed; after that ours ends failed (the provider's may still finish). */
    @WithDefault("24h")
    Duration maxWait();

    /** Status checks failing in a row (provider unreachable or refusing) that end the job failed. */
    @WithDefault("5")
    int maxPollFailures();

    /** Each call to the provider's files and fine-tuning API (a training file upload included). */
    @WithDefault("120s")
    Duration providerTimeout();

    /** How long a user's fine-tuned model (or that they have none) is remembered for their chats. */
    @WithDefault("30s")
    Duration modelCacheTtl();

    /**
     * At start-up, a job left queued, building or uploading by a stopped gateway (not updated for this long) is
     * marked failed; a running one is followed again.
     */
    @WithDefault("10m")
    Duration staleAfter();

    /** At start-up metadata-service may not answer yet: the check of jobs left by a previous run is tried this often. */
    @WithDefault("5s")
    Duration recoveryRetryDelay();

    @WithDefault("60")
    int recoveryAttempts();
}
