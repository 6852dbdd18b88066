package ai.datasuite.metadata.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.task.StepsHistoryView;
import ai.datasuite.metadata.task.StepsUpdateRequest;
import ai.datasuite.metadata.task.StepsVersionView;
import ai.datasuite.metadata.task.TaskStepsService;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/** Annotators' versions of a task's steps: save an edit, read the history. */
@Path("/api/v1/tasks/{task_id}/steps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "GAIA-style benchmark tasks and their files")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class TaskStepsResource {

    private static final String UPDATE_EXAMPLE = """
            {"steps": ["Open the file", "Sum the food column", "Round to two decimals"],
             "note": "The answer needs two decimals"}""";
    private static final String VERSION_EXAMPLE = """
            {"task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733", "version": 2, "author": "alice", "role": "annotator",
             "created_at": "2026-12-02T10:15:30.123456Z", "note": "The answer needs two decimals",
             "steps": ["Open the file", "Sum the food column", "Round to two decimals"],
             "diff": [{"op": "unchanged", "step": "Open the file"}, {"op": "unchanged", "step": "Sum the food column"},
                      {"op": "added", "step": "Round to two decimals"}],
             "changed": true}""";
    private static final String HISTORY_EXAMPLE = """
            {"task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733", "current_version": 2, "versions": [
              {"task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733", "version": 2, "author": "alice",
               "role": "annotator", "created_at": "2026-12-02T10:15:30.123456Z",
               "note": "The answer needs two decimals",
               "steps": ["Open the file", "Sum the food column", "Round to two decimals"],
               "diff": [{"op": "unchanged", "step": "Open the file"},
                        {"op": "unchanged", "step": "Sum the food column"},
                        {"op": "added", "step": "Round to two decimals"}], "changed": true},
              {"task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733", "version": 1, "author": "import", "role": null,
               "created_at": "2026-11-25T10:15:30.123456Z", "note": null,
               "steps": ["Open the file", "Sum the food column"],
               "diff": [{"op": "added", "step": "Open the file"}, {"op": "added", "step": "Sum the food column"}],
               "changed": true}]}""";
    private static final String INVALID_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "steps must hold at most 100 steps (metadata.tasks.max-steps), not 120",
             "errors": [{"field": "steps",
                         "message": "must hold at most 100 steps (metadata.tasks.max-steps), not 120"}]}""";
    private static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Editing a task's steps needs the annotator or admin role; your key has the role 'user'."}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not Found", "status": 404,
             "detail": "No task 7bd855d8-463d-4ed5-93ca-5fe35145f733"}""";
    private static final String CONFLICT_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "Conflicting concurrent edit of the steps; retry"}""";

    private final TaskStepsService service;
    private final Caller caller;

    public TaskStepsResource(TaskStepsService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save an edited list of steps as a new version",
            description = "The steps become the task's steps (numbered lines), number_of_steps and steps_version."
                    + " Steps equal to the current ones make no new version (changed: false, the current version)."
                    + " The first edit also keeps version 1, the imported steps (author 'import'); later imports do"
                    + " not overwrite edited steps. diff compares the current steps with the saved ones. Needs the"
                    + " annotator or admin role.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StepsUpdateRequest.class),
            examples = @ExampleObject(name = "edit", value = UPDATE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The saved version, or the current one when nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StepsVersionView.class),
                    examples = @ExampleObject(name = "version", value = VERSION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No steps, a blank or multi-line step, or a limit of"
            + " metadata.tasks.* broken (named in the answer)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "too-many", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not an annotator or admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "role", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown task",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Another edit of the same task was saved at the same moment",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "concurrent", value = CONFLICT_EXAMPLE)))
    public StepsVersionView save(@PathParam("task_id") String taskId, StepsUpdateRequest body) {
        caller.requireAnnotator("Editing a task's steps");
        return service.save(taskId, body, caller.id(), caller.role()).orElseThrow(() -> unknown(taskId));
    }

    @GET
    @Path("/history")
    @Operation(summary = "The versions of a task's steps, newest first",
            description = "Each version with its author, role, note and diff to the version before it. A task never"
                    + " edited has one version: 1, its imported steps. Any caller (tasks are shared reading).")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StepsHistoryView.class),
                    examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown task",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public StepsHistoryView history(@PathParam("task_id") String taskId) {
        return service.history(taskId).orElseThrow(() -> unknown(taskId));
    }

    /** The id is shown cut to 80 characters: an answer never echoes unbounded input. */
    private static ProblemException unknown(String taskId) {
        return ProblemException.notFound("No task " + (taskId.length() > 80 ? taskId.substring(0, 80) + "…" : taskId));
    }
}
