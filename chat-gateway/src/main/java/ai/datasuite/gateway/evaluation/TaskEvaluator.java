package ai.datasuite.gateway.evaluation;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import ai.datasuite.gateway.client.MetadataEvaluationsClient;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.Evaluation;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.EvaluationTask;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.ResultWrite;
import ai.datasuite.gateway.config.EvaluationConfig;
import ai.datasuite.gateway.evaluation.score.QuestionScorer;
import ai.datasuite.gateway.llm.LlmFailure;
import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.problem.ProblemException;

/**
 * One task of a run: read it as the run's owner, build its prompt, ask the LLM (a failing call is tried again
 * {@code gateway.evaluations.max-retries} times, {@code retry-delay} apart), take the final answer, score it as GAIA
 * does and record the row with the gateway's service identity. A task that cannot be done is recorded as an
 * {@code error} row saying why; only a failure to record ends up thrown (the row stays pending for a later resume).
 */
@ApplicationScoped
public class TaskEvaluator {

    static final String DONE = "done";
    static final String ERROR = "error";
    private static final Logger LOG = Logger.getLogger(TaskEvaluator.class);

    private final MetadataEvaluationsClient metadata;
    private final PromptBuilder prompts;
    private final EvaluationModels models;
    private final IdentityTokens tokens;
    private final EvaluationConfig config;

    public TaskEvaluator(MetadataEvaluationsClient metadata, PromptBuilder prompts, EvaluationModels models,
                         IdentityTokens tokens, EvaluationConfig config) {
        this.metadata = metadata;
        this.prompts = prompts;
        this.models = models;
        this.tokens = tokens;
        this.config = config;
    }

    /** Evaluates {@code taskId} of {@code run} and records its row; {@code role} is the owner's, for the reads. */
    public void evaluate(Evaluation run, String taskId, String role, boolean vision) {
        metadata.putResult(run.id(), taskId, attempt(run, taskId, role, vision), service());
    }

    private ResultWrite attempt(Evaluation run, String taskId, String role, boolean vision) {
        Optional<EvaluationTask> found;
        EvaluationPrompt prompt;
        try {
            found = metadata.task(taskId, "Bearer " + tokens.mint(run.owner(), role));
            if (found.isEmpty()) {
                return error(null, 0, "The task was deleted after the run was created; it is scored as wrong.");
            }
            prompt = prompts.build(found.get(), run.promptTemplate(), Boolean.TRUE.equals(run.useSteps()), vision,
                    run.owner(), role);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Evaluation %s, task %s: the prompt could not be built", run.id(), taskId);
            String why = e instanceof ProblemException ? e.getMessage() : "reading them failed";
            return error(null, 0, "The task or its file could not be read (" + why + "); the task is scored as"
                    + " wrong.");
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.contents()))
                .build();
        int attempts = 0;
        RuntimeException failure = null;
        while (attempts <= config.maxRetries()) {
            attempts++;
            long started = System.nanoTime();
            try {
                ChatResponse response = models.model(run.model()).chat(request);
                long latency = (System.nanoTime() - started) / 1_000_000;
                return answered(prompt, response, found.get().finalAnswer(), latency, attempts);
            } catch (RuntimeException e) {
                failure = e;
                LOG.debugf("Evaluation %s, task %s: attempt %d failed (%s)", run.id(), taskId, attempts,
                        e.getMessage());
                if (attempts <= config.maxRetries() && !pause()) {
                    break;
                }
            }
        }
        String reason = LlmFailure.describe(failure, models.baseUrl());
        LOG.warnf("Evaluation %s, task %s: %s after %d attempt(s)", run.id(), taskId, reason, attempts);
        return error(prompt, attempts, reason + " (" + attempts + " attempt(s); gateway.evaluations.max-retries = "
                + config.maxRetries() + "); the task is scored as wrong.");
    }

    private ResultWrite answered(EvaluationPrompt prompt, ChatResponse response, String groundTruth, long latency,
                                 int attempts) {
        String raw = response.aiMessage() == null ? null : response.aiMessage().text();
        String answer = FinalAnswer.extract(raw);
        var score = QuestionScorer.score(answer, groundTruth == null ? "" : groundTruth);
        TokenUsage usage = response.tokenUsage();
        return new ResultWrite(DONE, prompt.text(), raw, answer, score.correct(), score.kind(), latency,
                usage == null ? null : usage.inputTokenCount(), usage == null ? null : usage.outputTokenCount(),
                attempts, null, prompt.truncated(), prompt.notes(), prompt.stepsVersion(), prompt.stepsUsed());
    }

    private static ResultWrite error(EvaluationPrompt prompt, int attempts, String error) {
        return new ResultWrite(ERROR, prompt == null ? null : prompt.text(), null, null, null, null, null, null, null,
                attempts, error, prompt != null && prompt.truncated(), prompt == null ? null : prompt.notes(),
                prompt == null ? null : prompt.stepsVersion(), prompt != null && prompt.stepsUsed());
    }

    /** Waits {@code retry-delay}; false when the run is being stopped (the thread was interrupted). */
    private boolean pause() {
        try {
            Thread.sleep(config.retryDelay().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String service() {
        return "Bearer " + tokens.mintForService();
    }
}
