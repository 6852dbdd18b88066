package ai.datasuite.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Benchmark evaluation runs ({@code POST /api/v1/evaluations}): how many run at once and how fast, how a failing LLM
 * call is retried, and what a prompt may hold. The LLM itself is {@link LlmConfig}'s; the runs and their results are
 * stored by metadata-service.
 */
@ConfigMapping(prefix = "gateway.evaluations")
public interface EvaluationConfig {

    /** Largest {@code concurrency} a run may ask (LLM calls of one run in flight at once). */
    @WithDefault("4")
    int maxConcurrency();

    /** {@code concurrency} of a run that names none. */
    @WithDefault("2")
    int defaultConcurrency();

    /** Runs in progress at once; later ones wait {@code queued} until one ends. */
    @WithDefault("2")
    int maxRunningRuns();

    /** Retries of a failing LLM call (so 1 + this attempts) before the task is recorded as an error. */
    @WithDefault("2")
    int maxRetries();

    /** Wait between two attempts of an LLM call. */
    @WithDefault("1s")
    Duration retryDelay();

    /** One LLM call of a run (an answer with its reasoning may take a while). */
    @WithDefault("120s")
    Duration timeout();

    /** Upper bound on an answer's tokens: GAIA's prompt asks for the thoughts before the final answer. */
    @WithDefault("1024")
    int maxTokens();

    /** 0: the model's most likely answer, so a re-run differs by the prompt, not by chance. */
    @WithDefault("0.0")
    double temperature();

    /** Send image files as image content (a vision-capable model); false sends the image's facts as text. */
    @WithDefault("true")
    boolean vision();

    /** Largest image sent as image content; a larger one is described by its facts instead. */
    @WithDefault("5242880")
    long maxImageBytes();

    /** Characters of a prompt's text; the files' text is cut to fit and the result says so ({@code truncated}). */
    @WithDefault("60000")
    int maxPromptChars();

    /** Largest {@code prompt_template}. */
    @WithDefault("20000")
    int maxTemplateChars();

    /** Result rows asked per page when a run collects its pending tasks. */
    @WithDefault("200")
    int pageSize();

    /** At start-up metadata-service may not answer yet: resuming runs left by a previous run is tried this often. */
    @WithDefault("5s")
    Duration recoveryRetryDelay();

    @WithDefault("60")
    int recoveryAttempts();
}
