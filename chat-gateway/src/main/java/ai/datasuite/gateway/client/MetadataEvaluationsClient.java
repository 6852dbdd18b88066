package ai.datasuite.gateway.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteNotReachedException;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * metadata-service's evaluation runs and results (and the task a run reads) behind timeout, retry and circuit
 * breaker. Reads, PATCHes, result PUTs (the last write wins) and cancels are idempotent and retried; a create only
 * when it never arrived (a replayed create would start a second run). 4xx answers are neither retried nor counted
 * and reach the caller with metadata's own detail. {@code authorization} null: the request's caller is propagated.
 * Numbers in application.properties
 * ({@code quarkus.fault-tolerance."ai.datasuite.gateway.client.MetadataEvaluationsClient"...}).
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class MetadataEvaluationsClient extends RemoteDependency {

    public static final String SERVICE = "metadata-service";

    /** Which tasks a run takes; all given conditions hold (null: any). */
    @Schema(name = "EvaluationFilter")
    public record Filter(List<String> taskIds, List<Integer> levels, Boolean hasFile) {
    }

    /** Counts of a run's rows for one level or file type. */
    @Schema(name = "EvaluationBreakdown")
    public record Breakdown(String key, int total, int done, int errors, int correct, Double accuracy) {
    }

    /** A run as metadata-service stores it (the public view, unchanged). */
    @Schema(name = "Evaluation")
    public record Evaluation(String id, String owner, String ownerRole, String model, String promptTemplate,
                             Boolean useSteps, Boolean vision, Integer concurrency, Filter filter,
                             @Schema(enumeration = {"queued", "running", "completed", "cancelled", "failed"})
                             String status,
                             int total, int done, int errors, int correct, Double progress, Double accuracy,
                             List<Breakdown> byLevel, List<Breakdown> byFileType, String error, Instant createdAt,
                             Instant startedAt, Instant finishedAt) {

        public boolean ended() {
            return "completed".equals(status) || "cancelled".equals(status) || "failed".equals(status);
        }
    }

    @Schema(name = "EvaluationPage")
    public record EvaluationPage(List<Evaluation> items, int page, int size, long total) {

        public List<Evaluation> all() {
            return items == null ? List.of() : items;
        }
    }

    public record NewEvaluation(String model, String promptTemplate, boolean useSteps, Boolean vision,
                                int concurrency, Filter filter) {
    }

    /** A run's status change (the gateway's service identity only). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusPatch(String status, String error) {
    }

    /** One task's row of a run. */
    @Schema(name = "EvaluationResult")
    public record Result(String taskId, Integer level, String fileType, String question, String groundTruth,
                         @Schema(enumeration = {"pending", "done", "error"}) String status, String prompt,
                         String rawAnswer, String finalAnswer, Boolean correct,
                         @Schema(enumeration = {"number", "list", "string"}) String scoreKind, Long latencyMs,
                         Integer inputTokens, Integer outputTokens, Integer attempts, String error, Boolean truncated,
                         String notes, Integer stepsVersion, Boolean stepsUsed, Instant updatedAt) {
    }

    @Schema(name = "EvaluationResultPage")
    public record ResultPage(List<Result> items, int page, int size, long total) {

        public List<Result> all() {
            return items == null ? List.of() : items;
        }
    }

    /** What the runner records for a task (metadata cuts texts over its limit and sets {@code truncated}). */
    public record ResultWrite(String status, String prompt, String rawAnswer, String finalAnswer, Boolean correct,
                              String scoreKind, Long latencyMs, Integer inputTokens, Integer outputTokens,
                              Integer attempts, String error, boolean truncated, String notes, Integer stepsVersion,
                              boolean stepsUsed) {
    }

    @Schema(name = "EvaluationRunSummary")
    public record RunSummary(String id, String model, Instant createdAt, int done, int correct, Double accuracy) {
    }

    @Schema(name = "EvaluationFlip")
    public record Flip(String taskId, Integer level, String fileType, boolean stepsEdited, Integer stepsVersionA,
                       Integer stepsVersionB) {
    }

    @Schema(name = "EvaluationLevelFlips")
    public record LevelFlips(int level, int rightToWrong, int wrongToRight, int stayedRight, int stayedWrong) {
    }

    /** Which tasks flipped between two runs. */
    @Schema(name = "EvaluationComparison")
    public record Comparison(RunSummary a, RunSummary b, int commonTasks, List<Flip> rightToWrong,
                             List<Flip> wrongToRight, List<LevelFlips> byLevel, int flippedWithStepsEdited) {
    }

    /** A linked file of a task, as metadata lists it. */
    public record TaskFile(String id, String ownerId, String originalName, String extension, String mediaType,
                           long sizeBytes, Long textLength, boolean textTruncated, Map<String, Object> details) {
    }

    /** The task a run sends: question, ground truth, steps (and their version) and the files its reader may see. */
    public record EvaluationTask(String taskId, String question, int level, String finalAnswer, String fileName,
                                 String steps, Integer numberOfSteps, Integer stepsVersion, List<TaskFile> files) {

        public List<TaskFile> linked() {
            return files == null ? List.of() : files;
        }
    }

    /** A chart as metadata drew it: JSON data or a PNG, with its content type. */
    public record Chart(byte[] body, String contentType) {
    }

    private final MetadataEvaluationsApi api;

    public MetadataEvaluationsClient(@RestClient MetadataEvaluationsApi api,
                                     @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
    }

    @Retry(retryOn = RemoteNotReachedException.class, abortOn = RemoteRejectedException.class)
    public Evaluation create(NewEvaluation run, String authorization) {
        return RemoteCalls.call(this, () -> api.create(run, authorization));
    }

    public EvaluationPage list(int page, int size, String authorization) {
        return RemoteCalls.call(this, () -> api.list(page, size, authorization));
    }

    /** The run, or empty when metadata knows none with this id. */
    public Optional<Evaluation> find(String id, String authorization) {
        return RemoteCalls.absentOn404(this, () -> api.get(id, authorization));
    }

    public Evaluation get(String id, String authorization) {
        return RemoteCalls.call(this, () -> api.get(id, authorization));
    }

    public Evaluation patch(String id, StatusPatch patch, String authorization) {
        return RemoteCalls.call(this, () -> api.patch(id, patch, authorization));
    }

    public Evaluation cancel(String id, String authorization) {
        return RemoteCalls.call(this, () -> api.cancel(id, authorization));
    }

    /** One page of a run's rows; the filters go to metadata as given (it checks them). */
    public ResultPage results(String id, String status, String correct, String level, int page, int size,
                              String authorization) {
        return RemoteCalls.call(this, () -> api.results(id, status, correct, level, page, size, authorization));
    }

    public Result putResult(String id, String taskId, ResultWrite result, String authorization) {
        return RemoteCalls.call(this, () -> api.putResult(id, taskId, result, authorization));
    }

    public Comparison compare(String a, String b) {
        return RemoteCalls.call(this, () -> api.compare(a, b, null));
    }

    /** Charts: {@code format} null is JSON, {@code png} the chart (metadata checks the value). */
    public Chart accuracyChart(String runs, String format) {
        return RemoteCalls.call(this, () -> chart(api.accuracyChart(runs, format)));
    }

    public Chart latencyChart(String id, String bins, String format) {
        return RemoteCalls.call(this, () -> chart(api.latencyChart(id, bins, format)));
    }

    public Chart compareChart(String a, String b, String format) {
        return RemoteCalls.call(this, () -> chart(api.compareChart(a, b, format)));
    }

    /** The task, or empty when it was deleted since the run was created. */
    public Optional<EvaluationTask> task(String taskId, String authorization) {
        return RemoteCalls.absentOn404(this, () -> api.task(taskId, authorization));
    }

    private static Chart chart(Response response) {
        try (response) {
            String type = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
            return new Chart(response.readEntity(byte[].class), type == null ? MediaType.APPLICATION_JSON : type);
        }
    }
}
