package ai.datasuite.gateway.rest;

import java.net.URI;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import ai.datasuite.gateway.client.MetadataFineTuneClient.StoredJob;
import ai.datasuite.gateway.finetune.FineTuneAccepted;
import ai.datasuite.gateway.finetune.FineTuneJobPage;
import ai.datasuite.gateway.finetune.FineTuneJobView;
import ai.datasuite.gateway.finetune.FineTuneRequest;
import ai.datasuite.gateway.finetune.FineTuneService;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

@Path("/api/fine-tune")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fine-tune", description = "Fine-tune an LLM on your Q&A datasets and the chat answers you rated up."
        + " Without an LLM provider key the job ends 'exported' with the JSONL training file.")
public class FineTuneResource {

    static final String SEED_EXAMPLE = "{\"user_id\": \"alice\", \"parameters\": {\"epochs\": 5,"
            + " \"learning_rate\": 0.001}}";
    static final String JOB_EXAMPLE = """
            {"job_id": "0c9d3b8e-6f1a-4e2b-9d7c-5a4b3c2d1e0f", "owner": "alice", "status": "succeeded",
             "progress": 1.0, "parameters": {"epochs": 5, "learning_rate": 0.001},
             "base_model": "gpt-4o-mini-2024-07-18", "training_file_id": "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60",
             "examples": 120, "model": "ft:gpt-4o-mini-2024-07-18:acme::9xYz1234",
             "message": "Fine-tuned model ft:gpt-4o-mini-2024-07-18:acme::9xYz1234 is ready; your chats use it now",
             "created_at": "2026-12-02T10:15:30.123456Z", "updated_at": "2026-12-02T10:42:03.654321Z"}""";
    static final String EXPORTED_EXAMPLE = """
            {"job_id": "0c9d3b8e-6f1a-4e2b-9d7c-5a4b3c2d1e0f", "owner": "alice", "status": "exported",
             "progress": 1.0, "parameters": {"epochs": 5, "learning_rate": 0.001},
             "base_model": "gpt-4o-mini-2024-07-18", "training_file_id": "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60",
             "examples": 120, "model": null, "message": "Training set exported as file 3f1c2a9e-... (120 examples ...).\
             No LLM provider key is configured: set SUITE_LLM_API_KEY ...",
             "created_at": "2026-12-02T10:15:30.123456Z", "updated_at": "2026-12-02T10:15:31.654321Z"}""";
    static final String VALIDATION_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "parameters.epochs must be a whole number from 1 to 50 (gateway.fine-tune.max-epochs)",
             "errors": [{"field": "parameters.epochs",
                         "message": "must be a whole number from 1 to 50 (gateway.fine-tune.max-epochs)"}]}""";
    static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "'user_id' names another user ('bob'); you may act only as 'alice'. Leave 'user_id' out to\
             use your own."}""";
    static final String BUSY_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:fine-tune-busy", "title": "Too many fine-tune jobs", "status": 503,
             "detail": "8 fine-tune jobs are in progress, the most this gateway runs at once\
             (gateway.fine-tune.max-active-jobs); retry in a few minutes.", "max_active_jobs": 8}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No fine-tune job 0c9d3b8e-6f1a-4e2b-9d7c-5a4b3c2d1e0f"}""";

    private final FineTuneService service;
    private final Caller caller;

    public FineTuneResource(FineTuneService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a fine-tune job",
            description = "Builds a chat-format JSONL training set from your material — each row of your Q&A"
                    + " datasets (context and question → answer) and each chat answer you rated 1 (question →"
                    + " answer) — and stores it through ingest-service (data_type fine-tune). With an LLM provider"
                    + " key configured (SUITE_LLM_API_KEY; SUITE_LLM_BASE_URL for a server other than OpenAI) it"
                    + " uploads the file and starts a fine-tuning job of gateway.fine-tune.base-model with"
                    + " n_epochs = epochs and learning_rate_multiplier = learning_rate (OpenAI takes a factor on its"
                    + " default rate, not an absolute rate), and follows it until it ends; the resulting model is"
                    + " then used by your chats. Without a key the job ends 'exported' with the training file id."
                    + " Fewer than gateway.fine-tune.min-examples (10) examples end it 'failed' saying what to add."
                    + " Follow it at the Location.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FineTuneRequest.class),
            examples = {@ExampleObject(name = "seed", value = SEED_EXAMPLE),
                    @ExampleObject(name = "own", summary = "user_id left out: the caller",
                            value = "{\"parameters\": {\"epochs\": 3, \"learning_rate\": 0.1}}")}))
    @APIResponse(responseCode = "202", description = "Accepted; the job runs in the background",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FineTuneAccepted.class),
                    examples = @ExampleObject(name = "queued", value = "{\"job_id\":"
                            + " \"0c9d3b8e-6f1a-4e2b-9d7c-5a4b3c2d1e0f\", \"status\": \"queued\"}")))
    @APIResponse(responseCode = "400", description = "parameters missing, epochs not a whole number in"
            + " 1..gateway.fine-tune.max-epochs, learning_rate not in (0, gateway.fine-tune.max-learning-rate]",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "epochs", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "user_id names another user and the caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "other user", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "503", description = "gateway.fine-tune.max-active-jobs jobs are in progress"
            + " (Retry-After), or metadata-service is unavailable",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "busy", value = BUSY_EXAMPLE)))
    public Response start(FineTuneRequest request) {
        service.validate(request);
        String owner = caller.ownerFor(request.userId(), "user_id");
        StoredJob job = service.start(owner, request.parameters());
        return Response.accepted(new FineTuneAccepted(job.id(), job.status()))
                .location(URI.create("/api/fine-tune/" + job.id())).build();
    }

    @GET
    @Path("/{job_id}")
    @Operation(summary = "A fine-tune job's status",
            description = "Status, progress (0..1), parameters, the training file, the number of examples, the"
                    + " fine-tuned model once succeeded and a message saying what happened. Another user's job is"
                    + " 404, as an unknown one.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FineTuneJobView.class),
                    examples = {@ExampleObject(name = "succeeded", value = JOB_EXAMPLE),
                            @ExampleObject(name = "exported", value = EXPORTED_EXAMPLE)}))
    @APIResponse(responseCode = "404", description = "No such job of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public FineTuneJobView get(@PathParam("job_id") @Parameter(example = "0c9d3b8e-6f1a-4e2b-9d7c-5a4b3c2d1e0f")
                               String jobId) {
        return service.get(jobId).orElseThrow(() -> ProblemException.notFound("No fine-tune job " + jobId));
    }

    @GET
    @Operation(summary = "Your fine-tune jobs", description = "Newest first. An admin sees everyone's, or one"
            + " user's with user_id.")
    @APIResponse(responseCode = "200", description = "One page of jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FineTuneJobPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + JOB_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0 or size outside 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "user_id names another user and the caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "other user", value = FORBIDDEN_EXAMPLE)))
    public FineTuneJobPage list(@QueryParam("user_id") @Parameter(description = "Only this user's jobs (admins)",
                                        example = "alice") String userId,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(caller.ownerFilter(userId, "user_id"), page, size);
    }
}
