package ai.datasuite.gateway.rest;

import java.net.URI;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.gateway.client.MetadataEvaluationsClient.Chart;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.Comparison;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.Evaluation;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.EvaluationPage;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.ResultPage;
import ai.datasuite.gateway.evaluation.EvaluationRequest;
import ai.datasuite.gateway.evaluation.EvaluationService;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.Problems;

@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "GAIA-style benchmark runs: each task's question and files go to the LLM,"
        + " the final answer is scored as GAIA scores it; progress, accuracy per level and file type, per-task"
        + " results, comparisons and charts. Annotators and admins only.")
public class EvaluationResource {

    static final String RUN_ID = "6f0e9c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
    static final String CREATE_EXAMPLE = """
            {"model": "gpt-4o-mini", "prompt_template": null, "use_steps": false, "concurrency": 2,
             "filter": {"task_ids": null, "levels": [1, 2], "has_file": true}, "vision": true}""";
    static final String RUN_EXAMPLE = """
            {"id": "6f0e9c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b", "owner": "alice", "owner_role": "annotator",
             "model": "gpt-4o-mini", "prompt_template": null, "use_steps": false, "vision": true, "concurrency": 2,
             "filter": {"task_ids": null, "levels": [1, 2], "has_file": true},
             "status": "running", "total": 40, "done": 10, "errors": 1, "correct": 4, "progress": 0.25,
             "accuracy": 0.4,
             "by_level": [{"key": "1", "total": 25, "done": 8, "errors": 0, "correct": 4, "accuracy": 0.5},
                          {"key": "2", "total": 15, "done": 2, "errors": 1, "correct": 0, "accuracy": 0.0}],
             "by_file_type": [{"key": "xlsx", "total": 12, "done": 4, "errors": 0, "correct": 2, "accuracy": 0.5}],
             "error": null, "created_at": "2026-12-02T10:15:30.123456Z", "started_at": "2026-12-02T10:15:30.5Z",
             "finished_at": null}""";
    static final String QUEUED_EXAMPLE = """
            {"id": "6f0e9c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b", "owner": "alice", "owner_role": "annotator",
             "model": "gpt-4o-mini", "prompt_template": null, "use_steps": false, "vision": true, "concurrency": 2,
             "filter": {"task_ids": null, "levels": [1, 2], "has_file": true},
             "status": "queued", "total": 40, "done": 0, "errors": 0, "correct": 0, "progress": 0.0,
             "accuracy": null, "by_level": [], "by_file_type": [], "error": null,
             "created_at": "2026-12-02T10:15:30.123456Z", "started_at": null, "finished_at": null}""";
    static final String RESULT_EXAMPLE = """
            {"task_id": "c61d22de-5f6c-4958-a7f6-5e9707bd3466", "level": 1, "file_type": "xlsx",
             "question": "What were the total sales of food?", "ground_truth": "89706.00", "status": "done",
             "prompt": "What were the total sales of food?\\n\\n=== File: sales.xlsx (...; a spreadsheet as a\
             tab-separated table, one row per line) ===\\nLocation\\tBurgers\\t...",
             "raw_answer": "Summing the food columns gives 89706. FINAL ANSWER: 89706",
             "final_answer": "89706", "correct": true, "score_kind": "number", "latency_ms": 2140,
             "input_tokens": 812, "output_tokens": 64, "attempts": 1, "error": null, "truncated": false,
             "notes": null, "steps_version": 2, "steps_used": false, "updated_at": "2026-12-02T10:16:01.2Z"}""";
    static final String COMPARE_EXAMPLE = """
            {"a": {"id": "6f0e9c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b", "model": "gpt-4o-mini",
                   "created_at": "2026-12-01T09:00:00Z", "done": 40, "correct": 16, "accuracy": 0.4},
             "b": {"id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "model": "gpt-4o-mini",
                   "created_at": "2026-12-02T09:00:00Z", "done": 40, "correct": 19, "accuracy": 0.475},
             "common_tasks": 40,
             "right_to_wrong": [{"task_id": "17b5a6a3-bc87-42e8-b0fb-6ab0781ef2cc", "level": 2, "file_type": "none",
                                 "steps_edited": false, "steps_version_a": 1, "steps_version_b": 1}],
             "wrong_to_right": [{"task_id": "c61d22de-5f6c-4958-a7f6-5e9707bd3466", "level": 1, "file_type": "xlsx",
                                 "steps_edited": true, "steps_version_a": 1, "steps_version_b": 2}],
             "by_level": [{"level": 1, "right_to_wrong": 0, "wrong_to_right": 1, "stayed_right": 10,
                           "stayed_wrong": 14}],
             "flipped_with_steps_edited": 1}""";
    static final String CHART_EXAMPLE = """
            {"title": "Accuracy per level", "series": [{"run": "6f0e9c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
             "points": [{"level": 1, "accuracy": 0.5}, {"level": 2, "accuracy": 0.3}]}]}""";
    static final String NO_LLM_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:llm-not-configured", "title": "No LLM configured", "status": 409,
             "detail": "An evaluation run needs an LLM and none is configured: set SUITE_LLM_API_KEY for OpenAI, or\
             SUITE_LLM_BASE_URL for an OpenAI-compatible server (e.g. http://127.0.0.1:8000/v1), and SUITE_LLM_MODEL\
             (the model's name; default gpt-4o-mini); then restart the gateway.",
             "settings": ["SUITE_LLM_API_KEY", "SUITE_LLM_BASE_URL", "SUITE_LLM_MODEL"]}""";
    static final String VALIDATION_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "concurrency must be from 1 to 4 (gateway.evaluations.max-concurrency)",
             "errors": [{"field": "concurrency", "message": "must be from 1 to 4 (gateway.evaluations.max-concurrency)"}]}""";
    static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Running an evaluation needs the annotator or admin role; your key has the role 'user'."}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No evaluation run 6f0e9c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    static final String CONFLICT_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "The run is completed already; only a queued or running run can be cancelled."}""";
    static final String TOO_MANY_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "The filter selects 2400 tasks; a run takes at most 2000 (metadata.evaluations.max-tasks)."}""";
    private static final String PNG = "image/png";

    private final EvaluationService service;
    private final Caller caller;

    public EvaluationResource(EvaluationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an evaluation run",
            description = "Selects the tasks of the filter (task_ids, levels, has_file; all must hold, null is any)"
                    + " and sends each to the LLM (gateway.llm.*): GAIA's system prompt, then the question and each"
                    + " linked file — text-bearing files as their extracted text (a spreadsheet as a tab-separated"
                    + " table, a zip entry by entry), images as image content when vision is on, else their facts —"
                    + " and with use_steps the task's current steps as guidance. The file text is cut to"
                    + " gateway.evaluations.max-prompt-chars (the result says so). The final answer (after the last"
                    + " 'FINAL ANSWER:') is scored as GAIA does. A failing call is tried again"
                    + " (gateway.evaluations.max-retries), then recorded as an error row; the run goes on. Follow it"
                    + " at the Location.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EvaluationRequest.class),
            examples = {@ExampleObject(name = "levels 1 and 2 with files", value = CREATE_EXAMPLE),
                    @ExampleObject(name = "two tasks with their steps", value = "{\"use_steps\": true, \"filter\":"
                            + " {\"task_ids\": [\"c61d22de-5f6c-4958-a7f6-5e9707bd3466\","
                            + " \"17b5a6a3-bc87-42e8-b0fb-6ab0781ef2cc\"]}}")}))
    @APIResponse(responseCode = "202", description = "Accepted; the run is queued and runs in the background",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Evaluation.class),
                    examples = @ExampleObject(name = "queued", value = QUEUED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "model over 200 characters, concurrency outside"
            + " 1..gateway.evaluations.max-concurrency, prompt_template without {{question}} or too long, a bad"
            + " filter, or no task matches it",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "concurrency", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The caller is neither annotator nor admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "user", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "No LLM is configured (type llm-not-configured): what to set",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "no LLM", value = NO_LLM_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "The filter selects more than metadata.evaluations.max-tasks"
            + " tasks", content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "too many tasks", value = TOO_MANY_EXAMPLE)))
    public Response start(EvaluationRequest request) {
        Evaluation run = service.start(request, caller);
        return Response.accepted(run).location(URI.create("/api/v1/evaluations/" + run.id())).build();
    }

    @GET
    @Operation(summary = "Evaluation runs", description = "Every run (team data), newest first.")
    @APIResponse(responseCode = "200", description = "One page of runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + RUN_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0 or size outside the range metadata-service allows",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller is neither annotator nor admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "user", value = FORBIDDEN_EXAMPLE)))
    public EvaluationPage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(page, size, caller);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An evaluation run's progress and accuracy",
            description = "progress = done/total; accuracy = correct/done (null before any task is done), overall,"
                    + " per level and per file type. An error row counts as done and wrong, as in GAIA.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Evaluation.class),
                    examples = @ExampleObject(name = "running", value = RUN_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The caller is neither annotator nor admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "user", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public Evaluation get(@PathParam("id") @Parameter(example = RUN_ID) String id) {
        return service.get(id, caller);
    }

    @GET
    @Path("/{id}/results")
    @Operation(summary = "An evaluation run's per-task results",
            description = "Ordered by task_id; filter by status (pending, done, error), correct (true, false) and"
                    + " level. Each row holds the prompt sent, the raw and final answer, the score, latency, tokens,"
                    + " attempts, the error and whether the file text was cut (truncated, notes).")
    @APIResponse(responseCode = "200", description = "One page of results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResultPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + RESULT_EXAMPLE
                            + "], \"page\": 0, \"size\": 50, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "An unknown status, correct not true/false, a bad level, page"
            + " < 0 or size outside 1..500", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller is neither annotator nor admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "user", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public ResultPage results(@PathParam("id") @Parameter(example = RUN_ID) String id,
                              @QueryParam("status") @Parameter(example = "done") String status,
                              @QueryParam("correct") @Parameter(example = "false") String correct,
                              @QueryParam("level") @Parameter(example = "1") String level,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.results(id, status, correct, level, page, size, caller);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel an evaluation run",
            description = "The run takes no further task (the calls in flight finish and are recorded); its"
                    + " finished rows stay. Cancelling a cancelled run changes nothing.")
    @APIResponse(responseCode = "200", description = "The run, cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Evaluation.class),
                    examples = @ExampleObject(name = "cancelled", value = QUEUED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The caller is neither annotator nor admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "user", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The run completed or failed already",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "completed", value = CONFLICT_EXAMPLE)))
    public Evaluation cancel(@PathParam("id") @Parameter(example = RUN_ID) String id) {
        return service.cancel(id, caller);
    }

    @GET
    @Path("/compare")
    @Operation(summary = "Compare two evaluation runs",
            description = "Tasks finished in both runs: which flipped right→wrong and wrong→right, per level, and"
                    + " which of the flipped tasks had their steps edited between the runs (both steps versions"
                    + " known and different).")
    @APIResponse(responseCode = "200", description = "The comparison",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Comparison.class),
                    examples = @ExampleObject(name = "comparison", value = COMPARE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "a or b missing", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller is neither annotator nor admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "user", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public Comparison compare(@QueryParam("a") @Parameter(example = RUN_ID) String a,
                              @QueryParam("b") @Parameter(example = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d") String b) {
        return service.compare(a, b, caller);
    }

    @GET
    @Path("/compare/chart")
    @Produces({MediaType.APPLICATION_JSON, PNG})
    @Operation(summary = "The flip chart of two runs",
            description = "Per level: right→wrong, wrong→right, stayed right, stayed wrong. JSON by default; a PNG"
                    + " with format=png or 'Accept: image/png'.")
    @APIResponse(responseCode = "200", description = "The chart's data, or the chart",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "data",
                    value = "{\"by_level\": [{\"level\": 1, \"right_to_wrong\": 0, \"wrong_to_right\": 1,"
                            + " \"stayed_right\": 10, \"stayed_wrong\": 14}]}")),
                    @Content(mediaType = PNG, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                            .enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "a or b missing, or an unknown format",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller is neither annotator nor admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "user", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public Response compareChart(@QueryParam("a") @Parameter(example = RUN_ID) String a,
                                 @QueryParam("b") @Parameter(example = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d") String b,
                                 @QueryParam("format") @Parameter(example = "png") String format,
                                 @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return chart(service.compareChart(a, b, format, accept, caller));
    }

    @GET
    @Path("/charts/accuracy")
    @Produces({MediaType.APPLICATION_JSON, PNG})
    @Operation(summary = "Accuracy per level per run",
            description = "For up to metadata.evaluations.max-chart-runs runs (comma-separated ids). JSON by default;"
                    + " a PNG with format=png or 'Accept: image/png'.")
    @APIResponse(responseCode = "200", description = "The chart's data, or the chart",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "data",
                    value = CHART_EXAMPLE)),
                    @Content(mediaType = PNG, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                            .enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "runs missing, more than metadata.evaluations.max-chart-runs,"
            + " or an unknown format", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller is neither annotator nor admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "user", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public Response accuracyChart(@QueryParam("runs") @Parameter(example = RUN_ID
                                          + ",9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d") String runs,
                                  @QueryParam("format") @Parameter(example = "png") String format,
                                  @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return chart(service.accuracyChart(runs, format, accept, caller));
    }

    @GET
    @Path("/{id}/charts/latency")
    @Produces({MediaType.APPLICATION_JSON, PNG})
    @Operation(summary = "Latency histogram of a run",
            description = "The LLM latency of the run's finished rows. JSON by default; a PNG with format=png or"
                    + " 'Accept: image/png'.")
    @APIResponse(responseCode = "200", description = "The chart's data, or the chart",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "data",
                    value = "{\"buckets\": [{\"from_ms\": 0, \"to_ms\": 1000, \"count\": 3},"
                            + " {\"from_ms\": 1000, \"to_ms\": 2000, \"count\": 7}]}")),
                    @Content(mediaType = PNG, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                            .enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "bins outside 1..100, or an unknown format",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller is neither annotator nor admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "user", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public Response latencyChart(@PathParam("id") @Parameter(example = RUN_ID) String id,
                                 @QueryParam("bins") @Parameter(description = "Histogram bins, 1..100 (default 10)",
                                         example = "10") String bins,
                                 @QueryParam("format") @Parameter(example = "png") String format,
                                 @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return chart(service.latencyChart(id, bins, format, accept, caller));
    }

    /** metadata's bytes with its content type, as drawn. */
    private static Response chart(Chart chart) {
        return Response.ok(chart.body()).type(chart.contentType()).build();
    }
}
