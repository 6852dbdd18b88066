package ai.datasuite.gateway.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.gateway.client.MetadataEvaluationsClient;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.Chart;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.Comparison;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.Evaluation;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.EvaluationPage;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.NewEvaluation;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.ResultPage;
import ai.datasuite.gateway.config.EvaluationConfig;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;

/**
 * Evaluation runs for the public API: starts a run (checked here, stored by metadata-service with the caller's
 * identity, run by {@link EvaluationRunner}) and passes every read to metadata-service as the caller, whose problems
 * come back unchanged. Runs are team data: annotators and admins only.
 */
@ApplicationScoped
public class EvaluationService {

    public static final String LLM_NOT_CONFIGURED = "llm-not-configured";
    static final int MAX_MODEL_CHARS = 200;

    private final MetadataEvaluationsClient metadata;
    private final EvaluationRunner runner;
    private final EvaluationModels models;
    private final EvaluationConfig config;

    public EvaluationService(MetadataEvaluationsClient metadata, EvaluationRunner runner, EvaluationModels models,
                             EvaluationConfig config) {
        this.metadata = metadata;
        this.runner = runner;
        this.models = models;
        this.config = config;
    }

    /** Checks the request, stores a queued run owned by the caller and starts it. */
    public Evaluation start(EvaluationRequest request, Caller caller) {
        caller.requireAnnotator("Running an evaluation");
        if (!models.configured()) {
            throw new ProblemException(409, LLM_NOT_CONFIGURED, "No LLM configured", "An evaluation run needs an"
                    + " LLM and none is configured: set SUITE_LLM_API_KEY for OpenAI, or SUITE_LLM_BASE_URL for an"
                    + " OpenAI-compatible server (e.g. http://127.0.0.1:8000/v1), and SUITE_LLM_MODEL (the model's"
                    + " name; default gpt-4o-mini); then restart the gateway.",
                    Map.of("settings", List.of("SUITE_LLM_API_KEY", "SUITE_LLM_BASE_URL", "SUITE_LLM_MODEL")));
        }
        validate(request);
        String model = request.model() == null || request.model().isBlank() ? models.defaultModel()
                : request.model().strip();
        int concurrency = request.concurrency() == null ? config.defaultConcurrency() : request.concurrency();
        String template = request.promptTemplate() == null || request.promptTemplate().isBlank() ? null
                : request.promptTemplate();
        Evaluation run = metadata.create(new NewEvaluation(model, template, Boolean.TRUE.equals(request.useSteps()),
                request.vision(), concurrency, request.filter()), null);
        runner.start(run, caller.role(), request.vision() == null ? config.vision() : request.vision());
        return run;
    }

    /** 400 naming every wrong field, with the limits and their configuration keys. */
    void validate(EvaluationRequest request) {
        if (request == null) {
            throw ProblemException.validation("A JSON body is required, e.g. {\"model\": \"gpt-4o-mini\","
                    + " \"filter\": {\"levels\": [1]}}");
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        if (request.model() != null && request.model().strip().length() > MAX_MODEL_CHARS) {
            errors.add(error("model", "must be at most " + MAX_MODEL_CHARS + " characters"));
        }
        Integer concurrency = request.concurrency();
        if (concurrency != null && (concurrency < 1 || concurrency > config.maxConcurrency())) {
            errors.add(error("concurrency", "must be from 1 to " + config.maxConcurrency()
                    + " (gateway.evaluations.max-concurrency)"));
        }
        String template = request.promptTemplate();
        if (template != null && !template.isBlank()) {
            if (template.length() > config.maxTemplateChars()) {
                errors.add(error("prompt_template", "must be at most " + config.maxTemplateChars()
                        + " characters (gateway.evaluations.max-template-chars); it has " + template.length()));
            } else if (!template.contains(PromptBuilder.QUESTION)) {
                errors.add(error("prompt_template", "must contain {{question}} where the task's question goes"
                        + " (it may also contain {{file}} and {{steps}})"));
            }
        }
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                    .toList());
            throw ProblemException.validation(detail, Map.of("errors", errors));
        }
    }

    public EvaluationPage list(int page, int size, Caller caller) {
        caller.requireAnnotator("Reading evaluation runs");
        return metadata.list(page, size, null);
    }

    public Evaluation get(String id, Caller caller) {
        caller.requireAnnotator("Reading evaluation runs");
        return metadata.find(id, null).orElseThrow(() -> ProblemException.notFound("No evaluation run "
                + shortened(id)));
    }

    public ResultPage results(String id, String status, String correct, String level, int page, int size,
                              Caller caller) {
        caller.requireAnnotator("Reading evaluation results");
        if (level != null && !level.strip().matches("[0-9]{1,9}")) {
            throw ProblemException.validation("level must be a whole number such as 1, 2 or 3; it was '"
                    + shortened(level) + "'");
        }
        return metadata.results(id, status, correct, level, page, size, null);
    }

    /** Cancels the run in metadata-service, then stops its work here (the tasks in flight finish). */
    public Evaluation cancel(String id, Caller caller) {
        caller.requireAnnotator("Cancelling an evaluation run");
        Evaluation run = metadata.cancel(id, null);
        runner.cancel(id);
        return run;
    }

    public Comparison compare(String a, String b, Caller caller) {
        caller.requireAnnotator("Comparing evaluation runs");
        return metadata.compare(a, b);
    }

    public Chart accuracyChart(String runs, String format, String accept, Caller caller) {
        caller.requireAnnotator("Charts of evaluation runs");
        return metadata.accuracyChart(runs, format(format, accept));
    }

    public Chart latencyChart(String id, String bins, String format, String accept, Caller caller) {
        caller.requireAnnotator("Charts of evaluation runs");
        return metadata.latencyChart(id, bins, format(format, accept));
    }

    public Chart compareChart(String a, String b, String format, String accept, Caller caller) {
        caller.requireAnnotator("Charts of evaluation runs");
        return metadata.compareChart(a, b, format(format, accept));
    }

    /**
     * The chart's format as metadata takes it: the given {@code format}, else {@code png} when the caller's Accept
     * names image/png before any JSON type (a browser's image request), else JSON.
     */
    static String format(String format, String accept) {
        if (format != null || accept == null) {
            return format;
        }
        int png = accept.indexOf("image/png");
        int json = accept.indexOf("json");
        return png >= 0 && (json < 0 || png < json) ? "png" : null;
    }

    private static String shortened(String id) {
        return id.length() <= 40 ? id : id.substring(0, 40) + "...";
    }

    private static Map<String, Object> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
