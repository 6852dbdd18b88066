package ai.datasuite.metadata.rest;

import static ai.datasuite.metadata.rest.EvaluationExamples.ACCURACY_CHART;
import static ai.datasuite.metadata.rest.EvaluationExamples.COMPARE;
import static ai.datasuite.metadata.rest.EvaluationExamples.CONFLICT;
import static ai.datasuite.metadata.rest.EvaluationExamples.CREATE;
import static ai.datasuite.metadata.rest.EvaluationExamples.FLIP_CHART;
import static ai.datasuite.metadata.rest.EvaluationExamples.INTERNAL;
import static ai.datasuite.metadata.rest.EvaluationExamples.LATENCY_CHART;
import static ai.datasuite.metadata.rest.EvaluationExamples.NOT_ANNOTATOR;
import static ai.datasuite.metadata.rest.EvaluationExamples.NOT_FOUND;
import static ai.datasuite.metadata.rest.EvaluationExamples.NO_MATCH;
import static ai.datasuite.metadata.rest.EvaluationExamples.RESULT;
import static ai.datasuite.metadata.rest.EvaluationExamples.RESULT_WRITE;
import static ai.datasuite.metadata.rest.EvaluationExamples.RUN;
import static ai.datasuite.metadata.rest.EvaluationExamples.TOO_MANY;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.evaluation.ChartViews;
import ai.datasuite.metadata.evaluation.CompareService;
import ai.datasuite.metadata.evaluation.CompareView;
import ai.datasuite.metadata.evaluation.EvaluationChartService;
import ai.datasuite.metadata.evaluation.EvaluationCharts;
import ai.datasuite.metadata.evaluation.EvaluationCreateRequest;
import ai.datasuite.metadata.evaluation.EvaluationPatchRequest;
import ai.datasuite.metadata.evaluation.EvaluationResultService;
import ai.datasuite.metadata.evaluation.EvaluationService;
import ai.datasuite.metadata.evaluation.EvaluationView;
import ai.datasuite.metadata.evaluation.ResultView;
import ai.datasuite.metadata.evaluation.ResultWriteRequest;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * Evaluation runs and their per-task results (internal: chat-gateway answers the public path and calls this one with
 * the person's identity, or with its own for the runner's writes). Runs are team data: annotators and admins see and
 * act on every run, users get 403. Literal paths (compare, charts) come before {id}.
 */
@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "Benchmark evaluation runs, their results, comparisons and charts")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
@APIResponse(responseCode = "403", description = "Not an annotator or admin; for PATCH and result writes: not a"
        + " service", content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = {@ExampleObject(name = "not-annotator", value = NOT_ANNOTATOR),
                    @ExampleObject(name = "internal", value = INTERNAL)}))
public class EvaluationResource {

    private static final String PNG = "image/png";
    private static final String RUNS = "Evaluation runs";

    private final EvaluationService runs;
    private final EvaluationResultService results;
    private final CompareService compare;
    private final EvaluationChartService charts;
    private final EvaluationCharts drawings;
    private final Caller caller;

    public EvaluationResource(EvaluationService runs, EvaluationResultService results, CompareService compare,
                              EvaluationChartService charts, EvaluationCharts drawings, Caller caller) {
        this.runs = runs;
        this.results = results;
        this.compare = compare;
        this.charts = charts;
        this.drawings = drawings;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create an evaluation run", description = "Selects the tasks the filter matches (filters"
            + " AND-ed, null takes any), stores the run queued with one pending result per task; the caller is the"
            + " owner. chat-gateway then runs it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationCreateRequest.class),
            examples = @ExampleObject(name = "levels-with-files", value = CREATE)))
    @APIResponse(responseCode = "201", description = "The run, queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationView.class),
                    examples = @ExampleObject(name = "run", value = RUN)))
    @APIResponse(responseCode = "400", description = "No task matches; model missing or over 200 characters,"
            + " concurrency < 1, prompt_template over 20000 characters, a bad filter value",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "no-match",
                    value = NO_MATCH)))
    @APIResponse(responseCode = "413", description = "More tasks than metadata.evaluations.max-tasks",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "too-many",
                    value = TOO_MANY)))
    public Response create(@Valid @NotNull EvaluationCreateRequest body, @Context UriInfo uriInfo) {
        caller.requireAnnotator(RUNS);
        EvaluationView created = runs.create(body, caller.id(), caller.role());
        URI location = uriInfo.getAbsolutePathBuilder().path(created.id()).build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Operation(summary = "List evaluation runs", description = "Newest first (created_at desc, then id); every run.")
    @APIResponse(responseCode = "200", description = "One page of runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + RUN
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0, size outside 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public PageView<EvaluationView> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "0-based page") int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "1..200") int size) {
        caller.requireAnnotator(RUNS);
        return runs.list(page, size);
    }

    @GET
    @Path("/compare")
    @Operation(summary = "Compare two runs", description = "On the tasks finished in both (an error counts as"
            + " wrong): the flips right→wrong and wrong→right, the outcomes per level, and which flipped tasks had"
            + " their steps edited between the runs (both steps versions known and different).")
    @APIResponse(responseCode = "200", description = "The comparison",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CompareView.class),
                    examples = @ExampleObject(name = "compare", value = COMPARE)))
    @APIResponse(responseCode = "400", description = "a or b missing", content = @Content(mediaType =
            Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown run", content = @Content(mediaType =
            Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public CompareView compare(@QueryParam("a") @Parameter(description = "The earlier run") String a,
                               @QueryParam("b") @Parameter(description = "The later run") String b) {
        caller.requireAnnotator(RUNS);
        return compare.compare(required("a", a), required("b", b));
    }

    @GET
    @Path("/compare/chart")
    @Produces({MediaType.APPLICATION_JSON, PNG})
    @Operation(summary = "The flip chart of two runs", description = "Per level: right→wrong, wrong→right, stayed"
            + " right, stayed wrong. JSON by default; a PNG with ?format=png or Accept: image/png.")
    @APIResponse(responseCode = "200", description = "The chart's data, or the chart",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChartViews.Flips.class),
                    examples = @ExampleObject(name = "flips", value = FLIP_CHART)),
                @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "a or b missing, format not json or png",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown run", content = @Content(mediaType =
            Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public Response flipChart(@QueryParam("a") String a, @QueryParam("b") String b,
                              @QueryParam("format") @Parameter(description = "json or png") String format,
                              @Context HttpHeaders headers) {
        caller.requireAnnotator(RUNS);
        boolean png = ChartFormat.wantsPng(format, headers);
        ChartViews.Flips data = charts.flips(required("a", a), required("b", b));
        return chart(png, data, () -> drawings.flips(data));
    }

    @GET
    @Path("/charts/accuracy")
    @Produces({MediaType.APPLICATION_JSON, PNG})
    @Operation(summary = "Accuracy per level per run", description = "runs=id1,id2 (at most"
            + " metadata.evaluations.max-chart-runs). JSON by default; a PNG with ?format=png or Accept: image/png.")
    @APIResponse(responseCode = "200", description = "The chart's data, or the chart",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChartViews.Accuracy.class),
                    examples = @ExampleObject(name = "accuracy", value = ACCURACY_CHART)),
                @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "runs empty or above metadata.evaluations.max-chart-runs,"
            + " format not json or png", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown run", content = @Content(mediaType =
            Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public Response accuracyChart(
            @QueryParam("runs") @Parameter(description = "Comma-separated run ids") String runIds,
            @QueryParam("format") @Parameter(description = "json or png") String format,
            @Context HttpHeaders headers) {
        caller.requireAnnotator(RUNS);
        boolean png = ChartFormat.wantsPng(format, headers);
        ChartViews.Accuracy data = charts.accuracy(runIds);
        return chart(png, data, () -> drawings.accuracy(data));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an evaluation run", description = "With progress (done / total) and accuracy overall,"
            + " per level and per file type; an error counts as wrong.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationView.class),
                    examples = @ExampleObject(name = "run", value = RUN)))
    @APIResponse(responseCode = "404", description = "Unknown run", content = @Content(mediaType =
            Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public EvaluationView get(@PathParam("id") String id) {
        caller.requireAnnotator(RUNS);
        return runs.find(id).orElseThrow(() -> notFound(id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Move a run on (internal: the runner)", description = "queued→running (sets started_at),"
            + " running→completed or failed, queued→failed (set finished_at). Any other move answers 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationPatchRequest.class),
            examples = @ExampleObject(name = "running", value = "{\"status\": \"running\"}")))
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationView.class),
                    examples = @ExampleObject(name = "run", value = RUN)))
    @APIResponse(responseCode = "400", description = "status not running, completed or failed",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown run", content = @Content(mediaType =
            Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The move is not allowed (e.g. the run was cancelled)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "ended",
                    value = CONFLICT)))
    public EvaluationView patch(@PathParam("id") String id, @Valid @NotNull EvaluationPatchRequest body) {
        caller.requireService("Moving an evaluation run on");
        return runs.patch(id, body).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a run", description = "A queued or running run becomes cancelled (finished_at set);"
            + " a cancelled one answers unchanged; a completed or failed one 409.")
    @APIResponse(responseCode = "200", description = "The run, cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationView.class),
                    examples = @ExampleObject(name = "run", value = RUN)))
    @APIResponse(responseCode = "404", description = "Unknown run", content = @Content(mediaType =
            Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The run has already completed or failed",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public EvaluationView cancel(@PathParam("id") String id) {
        caller.requireAnnotator(RUNS);
        return runs.cancel(id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/results")
    @Operation(summary = "Page a run's results", description = "Ordered by task_id, with the task's question and"
            + " ground truth (null if the task was deleted). correct=false takes finished rows that are not right,"
            + " errors included.")
    @APIResponse(responseCode = "200", description = "One page of results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResultPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + RESULT
                            + "], \"page\": 0, \"size\": 50, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "status not pending, done or error; correct not true or"
            + " false; level < 1; page < 0,"
            + " size outside 1..500", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown run", content = @Content(mediaType =
            Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public PageView<ResultView> results(
            @PathParam("id") String id,
            @QueryParam("status") @Parameter(description = "pending, done or error") String status,
            @QueryParam("correct") @Parameter(description = "true or false") String correct,
            @QueryParam("level") @Min(1) @Parameter(description = "Only this level") Integer level,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "0-based page") int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) @Parameter(description = "1..500") int size) {
        caller.requireAnnotator(RUNS);
        return results.list(id, new EvaluationResultService.Query(status == null || status.isBlank() ? null : status,
                bool("correct", correct), level), page, size);
    }

    @PUT
    @Path("/{id}/results/{task_id}")
    @Operation(summary = "Record one task's result (internal: the runner)", description = "Replaces the row: the"
            + " last write wins. Texts longer than metadata.evaluations.max-text-chars are cut and truncated set.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResultWriteRequest.class),
            examples = @ExampleObject(name = "done", value = RESULT_WRITE)))
    @APIResponse(responseCode = "200", description = "The row",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResultView.class),
                    examples = @ExampleObject(name = "result", value = RESULT)))
    @APIResponse(responseCode = "400", description = "status not done or error; score_kind not number, list or"
            + " string; a negative count; steps_version < 1", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown run, or the task is not in it",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found",
                    value = NOT_FOUND)))
    public ResultView writeResult(@PathParam("id") String id, @PathParam("task_id") String taskId,
                                  @Valid @NotNull ResultWriteRequest body) {
        caller.requireService("Recording evaluation results");
        return results.write(id, taskId, body);
    }

    @GET
    @Path("/{id}/charts/latency")
    @Produces({MediaType.APPLICATION_JSON, PNG})
    @Operation(summary = "The latency histogram of a run", description = "Finished rows that recorded a latency, in"
            + " equal-width bins. JSON by default; a PNG with ?format=png or Accept: image/png.")
    @APIResponse(responseCode = "200", description = "The chart's data, or the chart",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChartViews.Latency.class),
                    examples = @ExampleObject(name = "latency", value = LATENCY_CHART)),
                @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "bins outside 1..100, format not json or png",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown run", content = @Content(mediaType =
            Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public Response latencyChart(
            @PathParam("id") String id,
            @QueryParam("bins") @DefaultValue("10") @Min(1) @Max(100) @Parameter(description = "1..100") int bins,
            @QueryParam("format") @Parameter(description = "json or png") String format,
            @Context HttpHeaders headers) {
        caller.requireAnnotator(RUNS);
        boolean png = ChartFormat.wantsPng(format, headers);
        ChartViews.Latency data = charts.latency(id, bins);
        return chart(png, data, () -> drawings.latency(data));
    }

    private static Response chart(boolean png, Object data, Supplier<byte[]> drawing) {
        if (png) {
            return Response.ok(drawing.get(), PNG).header("Cache-Control", "no-store").build();
        }
        return Response.ok(data, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Strictly true or false: JAX-RS would read any other word as false. */
    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidField.problem(name, "must be true or false");
        };
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidField.problem(name, "is required (a run id)");
        }
        return value.strip();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No evaluation " + id);
    }

    /** {@code PageView<EvaluationView>} under a name, for the OpenAPI document. */
    @Schema(name = "EvaluationPage", description = "One page of evaluation runs")
    record EvaluationPage(List<EvaluationView> items, int page, int size, long total) {
    }

    /** {@code PageView<ResultView>} under a name, for the OpenAPI document. */
    @Schema(name = "EvaluationResultPage", description = "One page of a run's results")
    record ResultPage(List<ResultView> items, int page, int size, long total) {
    }
}
