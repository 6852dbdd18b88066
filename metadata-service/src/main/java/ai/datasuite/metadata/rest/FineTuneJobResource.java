package ai.datasuite.metadata.rest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.finetune.FineTuneJobCreateRequest;
import ai.datasuite.metadata.finetune.FineTuneJobPatchRequest;
import ai.datasuite.metadata.finetune.FineTuneJobService;
import ai.datasuite.metadata.finetune.FineTuneJobView;
import ai.datasuite.metadata.finetune.FineTunedModelView;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * The record of users' fine-tune jobs, which chat-gateway runs and updates step by step, and the model a user's chats
 * should use. A user sees and changes only their own jobs (another user's answers 404), an admin or a service
 * everyone's.
 */
@Path("/api/v1/fine-tune-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fine-tune jobs", description = "Fine-tune jobs of the users and their resulting models")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class FineTuneJobResource {

    static final String JOB_EXAMPLE = """
            {"id": "9c8b7a6f-5e4d-4c3b-8a2f-1e0d9c8b7a6f", "owner": "alice", "status": "running", "progress": 0.6,
             "parameters": {"epochs": 5, "learning_rate": 0.001}, "base_model": "gpt-4o-mini-2024-07-18",
             "training_file_id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "examples": 48,
             "provider_file_id": "file-abc123", "provider_job_id": "ftjob-abc123", "fine_tuned_model": null,
             "message": "Training on 48 examples", "created_at": "2026-12-02T10:15:30.123456Z",
             "updated_at": "2026-12-02T10:21:02.654321Z"}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No fine-tune job 9c8b7a6f-5e4d-4c3b-8a2f-1e0d9c8b7a6f"}""";
    private static final String FORBIDDEN_OWNER_EXAMPLE = ConversationResource.FORBIDDEN_OWNER_EXAMPLE;

    private final FineTuneJobService service;
    private final Caller caller;

    public FineTuneJobResource(FineTuneJobService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Record a new fine-tune job", description = "Starts queued with progress 0. owner left out"
            + " is the caller; naming another user needs the admin role (or a service).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FineTuneJobCreateRequest.class),
            examples = @ExampleObject(name = "job", value = "{\"epochs\": 5, \"learning_rate\": 0.001}")))
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FineTuneJobView.class),
                    examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "epochs not an integer in 1..metadata.fine-tune.max-epochs"
            + " (50), learning_rate not > 0 and <= 1, base_model over 200 characters, or a malformed owner",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "epochs must be between 1 and 50",
                             "errors": [{"field": "epochs", "message": "must be between 1 and 50"}]}""")))
    @APIResponse(responseCode = "403", description = "owner names another user (not an admin or a service)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-owner", value = FORBIDDEN_OWNER_EXAMPLE)))
    public Response create(@Valid @NotNull FineTuneJobCreateRequest body, UriInfo uriInfo) {
        FineTuneJobView created = service.create(body, caller.ownerFor(body.owner(), "owner"));
        URI location = uriInfo.getAbsolutePathBuilder().path(created.id()).build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Operation(summary = "List fine-tune jobs", description = "Newest first (created_at desc, then id). A user lists"
            + " only their own; an admin lists everyone's unless owner names one.")
    @APIResponse(responseCode = "200", description = "One page of jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FineTuneJobPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + JOB_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "status not a job status; page < 0, size outside 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "owner names another user (not an admin)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-owner", value = FORBIDDEN_OWNER_EXAMPLE)))
    public PageView<FineTuneJobView> list(
            @QueryParam("owner") @Parameter(description = "Only this owner's jobs (a user: only their own)")
            String owner,
            @QueryParam("status") @Parameter(description = "queued, building, uploading, running, succeeded, failed,"
                    + " exported or cancelled") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "0-based page") int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "1..200") int size) {
        return service.list(caller.ownerFilter(owner, "owner"), status == null || status.isBlank() ? null : status,
                page, size);
    }

    // A literal segment: JAX-RS prefers it to the /{id} template, so "model" is never read as a job id.
    @GET
    @Path("/model")
    @Operation(summary = "The fine-tuned model of an owner", description = "The fine_tuned_model of the owner's most"
            + " recently updated succeeded job; chat-gateway answers that user's chats with it. owner left out is"
            + " the caller.")
    @APIResponse(responseCode = "200", description = "The model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FineTunedModelView.class),
                    examples = @ExampleObject(name = "model", value = """
                            {"owner": "alice", "model": "ft:gpt-4o-mini-2024-07-18:suite::abc123"}""")))
    @APIResponse(responseCode = "403", description = "owner names another user (not an admin or a service)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-owner", value = FORBIDDEN_OWNER_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "The owner has no succeeded job with a model",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "no-model", value = """
                            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "alice has no succeeded fine-tune job with a model"}""")))
    public FineTunedModelView model(
            @QueryParam("owner") @Parameter(description = "Whose model; the caller when left out") String owner) {
        String who = caller.ownerFor(owner, "owner");
        return service.model(who).orElseThrow(() -> ProblemException.notFound(who
                + " has no succeeded fine-tune job with a model"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a fine-tune job")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FineTuneJobView.class),
                    examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's job",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public FineTuneJobView get(@PathParam("id") String id) {
        return service.find(id, caller::canSee).orElseThrow(() -> notFound(id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Record a step of a fine-tune job", description = "The fields given change, the others stay;"
            + " an empty message clears it. Any status may follow any other: the gateway drives the job.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FineTuneJobPatchRequest.class),
            examples = @ExampleObject(name = "succeeded", value = """
                    {"status": "succeeded", "progress": 1, "fine_tuned_model": "ft:gpt-4o-mini-2024-07-18:suite::abc123",
                     "message": "Fine-tune finished"}""")))
    @APIResponse(responseCode = "200", description = "The updated job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FineTuneJobView.class),
                    examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "status not a job status, progress outside 0..1,"
            + " training_file_id not a UUID, examples < 0, provider ids or fine_tuned_model over 200 characters,"
            + " message over 1000 characters",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "progress must be less than or equal to 1",
                             "errors": [{"field": "progress", "message": "must be less than or equal to 1"}]}""")))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's job",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public FineTuneJobView update(@PathParam("id") String id, @Valid @NotNull FineTuneJobPatchRequest body) {
        return service.update(id, body, caller::canSee).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No fine-tune job " + id);
    }

    /** {@code PageView<FineTuneJobView>} under a name, for the OpenAPI document. */
    @Schema(name = "FineTuneJobPage", description = "One page of fine-tune jobs")
    record FineTuneJobPage(List<FineTuneJobView> items, int page, int size, long total) {
    }
}
