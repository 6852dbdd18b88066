package ai.datasuite.metadata.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.task.ImportFormat;
import ai.datasuite.metadata.task.ImportSummary;
import ai.datasuite.metadata.task.MatchReport;
import ai.datasuite.metadata.task.TaskDetailView;
import ai.datasuite.metadata.task.TaskQuery;
import ai.datasuite.metadata.task.TaskService;
import ai.datasuite.metadata.task.TaskView;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "GAIA-style benchmark tasks and their files")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class TaskResource {

    static final String JSONL = ImportFormat.NDJSON;
    static final String CSV = ImportFormat.TEXT_CSV;

    private static final String JSONL_EXAMPLE = """
            {"task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733", "Question": "What were the total sales of food?", \
            "Level": 1, "Final answer": "89706.00", "file_name": "7bd855d8-463d-4ed5-93ca-5fe35145f733.xlsx", \
            "Annotator Metadata": {"Steps": "1. Open the file\\n2. Sum the food column", "Number of steps": "2", \
            "How long did this take?": "5 minutes", "Tools": "1. Excel", "Number of tools": "1"}}
            {"task_id": "c61d22de-5f6c-4958-a7f6-5e9707bd3466", "Question": "How many studio albums?", "Level": 2, \
            "Final answer": "3", "file_name": ""}""";
    private static final String CSV_EXAMPLE = """
            task_id,question,level,final_answer,file_name,steps,number_of_steps,how_long,tools,number_of_tools
            7bd855d8-463d-4ed5-93ca-5fe35145f733,"What were the total sales of food, in USD?",1,89706.00,\
            7bd855d8-463d-4ed5-93ca-5fe35145f733.xlsx,"1. Open the file
            2. Sum the food column",2,5 minutes,1. Excel,1""";
    private static final String SUMMARY_EXAMPLE = """
            {"received": 2, "created": 1, "updated": 0, "unchanged": 1}""";
    private static final String IMPORT_ERRORS_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 problem(s) in the import, nothing was imported (rows 3, 5)", "error_count": 2,
             "errors": [{"row": 3, "field": "level", "message": "must be 1, 2 or 3"},
                        {"row": 5, "field": "task_id", "message": "duplicate of row 1"}]}""";
    private static final String TASK_EXAMPLE = """
            {"task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733", "question": "What were the total sales of food?",
             "level": 1, "final_answer": "89706.00", "file_name": "7bd855d8-463d-4ed5-93ca-5fe35145f733.xlsx",
             "steps": "1. Open the file\\n2. Sum the food column", "number_of_steps": 2, "how_long": "5 minutes",
             "tools": "1. Excel", "number_of_tools": 1, "created_at": "2026-11-25T10:15:30.123456Z",
             "updated_at": "2026-11-25T10:15:30.123456Z"}""";
    private static final String MATCH_EXAMPLE = """
            {"matched": [{"task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733",
                          "file_id": "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60",
                          "original_name": "7bd855d8-463d-4ed5-93ca-5fe35145f733.xlsx", "matched_by": "file_name"}],
             "tasks_missing_file": [{"task_id": "32102e3e-d12a-4209-9163-7b3a104efe5d", "file_name": "chart.png"}],
             "files_without_task": [{"file_id": "0b7c6a5e-0000-4000-8000-000000000001", "original_name": "notes.txt"}],
             "counts": {"tasks": 3, "files": 2, "matched": 1, "new_links": 1, "tasks_missing_file": 1,
                        "files_without_task": 1}}""";

    private static final String FORBIDDEN_ROLE_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Importing tasks needs the annotator or admin role; your key has the role 'user'."}""";

    private final TaskService service;
    private final Caller caller;

    public TaskResource(TaskService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/import")
    // Exactly the types ImportFormat.fromMediaType knows.
    @Consumes({ImportFormat.NDJSON, ImportFormat.JSONL_TYPE, ImportFormat.X_JSONLINES, ImportFormat.JSONLINES,
            ImportFormat.TEXT_CSV, ImportFormat.APPLICATION_CSV})
    @Operation(summary = "Import tasks from JSONL or CSV",
            description = "All rows are validated first; one bad row rejects the whole file. Good files are upserted"
                    + " in one transaction; importing the same file again leaves everything unchanged. Needs the"
                    + " annotator or admin role.")
    @RequestBody(content = {
            @Content(mediaType = JSONL, examples = @ExampleObject(name = "gaia-jsonl", value = JSONL_EXAMPLE)),
            @Content(mediaType = CSV, examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "200", description = "Imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class),
                    examples = @ExampleObject(name = "summary", value = SUMMARY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Some rows are invalid; nothing was imported",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "row-errors", value = IMPORT_ERRORS_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not an annotator or admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "role", value = FORBIDDEN_ROLE_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "Body or row count above the configured limit",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not JSONL, CSV or multipart",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public ImportSummary importTasks(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        caller.requireAnnotator("Importing tasks");
        ImportFormat format = ImportFormat.fromMediaType(contentType).orElseThrow(TaskResource::unsupported);
        return service.importTasks(body, format);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import tasks from an uploaded JSONL or CSV file",
            description = "The format comes from the part's content type, else from its file extension. Needs the"
                    + " annotator or admin role.")
    @APIResponse(responseCode = "200", description = "Imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class),
                    examples = @ExampleObject(name = "summary", value = SUMMARY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No file part, or invalid rows; nothing was imported",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "row-errors", value = IMPORT_ERRORS_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not an annotator or admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "role", value = FORBIDDEN_ROLE_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "File or row count above the configured limit",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "The file is neither JSONL nor CSV",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public ImportSummary importUpload(@RestForm("file") @Schema(type = org.eclipse.microprofile.openapi.annotations
            .enums.SchemaType.STRING, format = "binary") FileUpload file) throws IOException {
        caller.requireAnnotator("Importing tasks");
        if (file == null) {
            throw ProblemException.validation("The multipart body needs a 'file' part");
        }
        ImportFormat format = ImportFormat.fromMediaType(file.contentType())
                .or(() -> ImportFormat.fromFileName(file.fileName()))
                .orElseThrow(TaskResource::unsupported);
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return service.importTasks(in, format);
        }
    }

    @POST
    @Path("/match")
    @Operation(summary = "Link tasks to stored files",
            description = "A file matches a task when the uploader named the task (task_id), when its original name"
                    + " equals the task's file_name, or when it is named <task_id>.<ext>. New links are kept;"
                    + " running it again adds none. Needs the annotator or admin role; an annotator matches the files"
                    + " of every owner (or of owner_id), since links are task data, not a user's own.")
    @APIResponse(responseCode = "200", description = "The match report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MatchReport.class),
                    examples = @ExampleObject(name = "report", value = MATCH_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not an annotator or admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public MatchReport match(@QueryParam("owner_id") String ownerId) {
        caller.requireAnnotator("Matching tasks to files");
        return service.match(ownerId == null || ownerId.isBlank() ? null : ownerId);
    }

    @GET
    @Operation(summary = "List tasks", description = "Ordered by task_id; every filter is optional.")
    @APIResponse(responseCode = "200", description = "One page of tasks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TaskPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + TASK_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "level outside 1..3, page < 0, size outside 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public PageView<TaskView> list(@QueryParam("level") @Min(1) @Max(3) Integer level,
                                   @QueryParam("has_file") String hasFile,
                                   @QueryParam("matched") String matched,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(new TaskQuery(level, QueryFlags.parse("has_file", hasFile),
                QueryFlags.parse("matched", matched)), page, size);
    }

    @GET
    @Path("/{task_id}")
    @Operation(summary = "Get one task with its linked files",
            description = "files lists only the linked files the caller may see (a user: their own; an admin: all).")
    @APIResponse(responseCode = "200", description = "The task and its files",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TaskDetailView.class),
                    examples = @ExampleObject(name = "task", value = TASK_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown task",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public TaskDetailView get(@PathParam("task_id") String taskId) {
        return service.find(taskId).map(task -> task.withFilesVisibleTo(caller::canSee))
                .orElseThrow(() -> ProblemException.notFound("No task " + taskId));
    }

    private static ProblemException unsupported() {
        return ProblemException.unsupportedMediaType(
                "Send JSONL (application/x-ndjson, application/jsonl, application/x-jsonlines, application/jsonlines)"
                        + " or CSV (text/csv, application/csv), or a GAIA snapshot folder as application/zip"
                        + " (through the gateway)");
    }

    /** {@code PageView<TaskView>} under a name, for the OpenAPI document (@Schema cannot name a generic type). */
    @Schema(name = "TaskPage", description = "One page of tasks")
    record TaskPage(List<TaskView> items, int page, int size, long total) {
    }
}
