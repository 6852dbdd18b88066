package ai.datasuite.gateway.rest;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.gateway.snapshot.SnapshotImportPage;
import ai.datasuite.gateway.snapshot.SnapshotImportView;
import ai.datasuite.gateway.snapshot.SnapshotRoute;
import ai.datasuite.gateway.snapshot.SnapshotService;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * Snapshot imports: their reports ({@code GET /api/v1/tasks/imports}, {@code /{id}}), and the OpenAPI description of
 * {@code POST /api/v1/tasks/import}, which {@link SnapshotRoute} serves for zips (a Vert.x route ahead of the REST
 * layer) and the proxy sends on to metadata-service for JSONL and CSV; that method is never reached.
 */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "GAIA-style benchmark tasks and their files")
public class SnapshotImportResource {

    static final String IMPORT_EXAMPLE = """
            {"id": "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", "owner": "alice", "status": "completed",
             "files_total": 4, "files_done": 4, "progress": 1.0, "metadata_files": ["2023/validation/metadata.jsonl"],
             "rows": {"received": 3, "created": 3, "updated": 0, "unchanged": 0},
             "files": {"uploaded": 2, "already_stored": 0, "rejected": [{"name": "2023/validation/broken.bin",
                       "status": 415, "detail": "the file's type could not be recognised from its content"}]},
             "match": {"matched": [{"task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733", "file_id":
                       "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60", "original_name":
                       "7bd855d8-463d-4ed5-93ca-5fe35145f733.xlsx", "matched_by": "task_id"}],
                       "tasks_missing_file": [], "files_without_task": [],
                       "counts": {"tasks": 3, "files": 2, "matched": 2, "new_links": 2, "tasks_missing_file": 0,
                                  "files_without_task": 0}},
             "rows_without_files": [{"task_id": "32102e3e-d12a-4209-9163-7b3a104efe5d", "file_name": "chart.png"}],
             "files_without_rows": ["2023/validation/extra.txt"], "errors": [], "error": null,
             "created_at": "2026-12-02T10:15:30.123Z", "finished_at": "2026-12-02T10:15:34.456Z"}""";
    static final String RUNNING_EXAMPLE = """
            {"id": "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", "owner": "alice", "status": "running",
             "files_total": 4, "files_done": 0, "progress": 0.0, "metadata_files": ["2023/validation/metadata.jsonl"],
             "rows": {"received": 0, "created": 0, "updated": 0, "unchanged": 0},
             "files": {"uploaded": 0, "already_stored": 0, "rejected": []}, "match": null,
             "rows_without_files": [], "files_without_rows": [], "errors": [], "error": null,
             "created_at": "2026-12-02T10:15:30.123Z", "finished_at": null}""";
    static final String ROWS_EXAMPLE = """
            {"received": 2, "created": 1, "updated": 0, "unchanged": 1}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No snapshot import 6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0 of yours. Imports are kept in\
             memory: after a restart of the gateway, send the zip again (nothing is stored twice)."}""";
    static final String NO_METADATA_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "The zip holds no metadata.jsonl. Zip the GAIA snapshot folder as downloaded (e.g.\
             2023/validation/metadata.jsonl with the attached files beside it)."}""";
    static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Importing a GAIA snapshot needs the annotator or admin role; your key has the role 'user'."}""";
    static final String TOO_LARGE_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "The zip holds 12000 entries; at most 10000 are accepted (gateway.snapshots.max-entries).\
             Split the snapshot into several zips.", "max_entries": 10000}""";
    static final String JSONL_EXAMPLE = """
            {"task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733", "Question": "What were the total sales of food?", \
            "Level": 1, "Final answer": "89706.00", "file_name": "7bd855d8-463d-4ed5-93ca-5fe35145f733.xlsx"}""";

    private final SnapshotService service;
    private final Caller caller;

    public SnapshotImportResource(SnapshotService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** The body of an import, for the OpenAPI document. */
    @Schema(name = "SnapshotZip", type = SchemaType.STRING, format = "binary",
            description = "A GAIA snapshot folder zipped: metadata.jsonl files at any depth, attached files anywhere")
    public static class SnapshotZip {
    }

    @POST
    @Path("/import")
    @Consumes({SnapshotRoute.ZIP, SnapshotRoute.X_ZIP, "application/x-ndjson", "text/csv", MediaType.MULTIPART_FORM_DATA})
    @Operation(summary = "Import tasks: a zipped GAIA snapshot, or JSONL or CSV rows",
            description = "A zip (application/zip or application/x-zip-compressed) is a GAIA snapshot folder as"
                    + " downloaded: every metadata.jsonl in it (at any depth) is imported into the tasks, every other"
                    + " file is stored through ingest-service (data_type task-file, with the task_id of the row whose"
                    + " file_name is its name, looked up first in its own folder's metadata.jsonl), then tasks and"
                    + " files are matched. The zip is checked first (gateway.snapshots.max-size, .max-entries,"
                    + " .max-uncompressed, a metadata.jsonl present), then the import runs in the background: 202"
                    + " with the import, followed at the Location. Sending the same zip again stores nothing new."
                    + " Any other body (JSONL: application/x-ndjson, application/jsonl, ...; CSV: text/csv; a"
                    + " multipart 'file') is metadata-service's import, answered at once with its summary (200)."
                    + " Needs the annotator or admin role.")
    @RequestBody(required = true, content = {
            @Content(mediaType = SnapshotRoute.ZIP, schema = @Schema(implementation = SnapshotZip.class)),
            @Content(mediaType = SnapshotRoute.X_ZIP, schema = @Schema(implementation = SnapshotZip.class)),
            @Content(mediaType = "application/x-ndjson", examples = @ExampleObject(name = "gaia-jsonl",
                    value = JSONL_EXAMPLE)),
            @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = "task_id,question,"
                    + "level,final_answer,file_name\nc61d22de-5f6c-4958-a7f6-5e9707bd3466,How many studio"
                    + " albums?,2,3,"))})
    @APIResponse(responseCode = "202", description = "A zip: accepted, imported in the background",
            headers = @Header(name = "Location", description = "/api/v1/tasks/imports/{id}"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SnapshotImportView.class),
                    examples = @ExampleObject(name = "running", value = RUNNING_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "JSONL or CSV: imported by metadata-service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SnapshotImportView.Rows.class),
                    examples = @ExampleObject(name = "summary", value = ROWS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A zip without metadata.jsonl, or invalid rows (nothing"
            + " imported)", content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "no metadata.jsonl", value = NO_METADATA_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not an annotator or admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "role", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "Over gateway.snapshots.max-size, .max-entries,"
            + " .max-uncompressed or .max-metadata-size (a zip), or metadata-service's import limits",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "entries", value = TOO_LARGE_EXAMPLE)))
    @APIResponse(responseCode = "415", description = "Not a readable zip, nor JSONL, CSV or multipart",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "max-jobs of your imports are running (Retry-After), or"
            + " metadata-service is unavailable", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public void importTasks() {
        throw new ProblemException(500, ProblemException.INTERNAL, "Internal error",
                "Imports are served by the gateway's streaming route and metadata-service; this method is only"
                        + " their description.");
    }

    @GET
    @Path("/imports/{id}")
    @Operation(summary = "A snapshot import and its report",
            description = "Progress while it runs; then the rows imported, the files stored, already stored or"
                    + " refused by ingest-service (with its words), metadata-service's match report, the rows whose"
                    + " file is missing and the files no row names. A failed import says why (and, for refused"
                    + " rows, metadata-service's errors). Your imports only (an admin: everyone's); kept in memory,"
                    + " so a restart of the gateway forgets them — send the zip again (nothing is stored twice).")
    @APIResponse(responseCode = "200", description = "The import",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SnapshotImportView.class),
                    examples = {@ExampleObject(name = "completed", value = IMPORT_EXAMPLE),
                            @ExampleObject(name = "running", value = RUNNING_EXAMPLE)}))
    @APIResponse(responseCode = "404", description = "No such import of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public SnapshotImportView get(@PathParam("id") @Parameter(example = "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")
                                  String id) {
        return service.get(id, caller);
    }

    @GET
    @Path("/imports")
    @Operation(summary = "Your snapshot imports", description = "Newest first; kept in memory (at most"
            + " gateway.snapshots.max-jobs per user, the oldest finished dropped first).")
    @APIResponse(responseCode = "200", description = "One page of imports",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SnapshotImportPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + IMPORT_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0 or size outside 1..100",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public SnapshotImportPage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(caller, page, size);
    }
}
