package ai.datasuite.metadata.rest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.file.FileCreateRequest;
import ai.datasuite.metadata.file.FileQuery;
import ai.datasuite.metadata.file.FileService;
import ai.datasuite.metadata.file.FileView;
import ai.datasuite.metadata.file.ReferencesRequest;
import ai.datasuite.metadata.file.ReferencesView;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

@Path("/api/v1/files")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Files", description = "Catalogue of stored objects")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class FileResource {

    /** The fields ingest-service sends; a stored record adds its status and creation time. */
    private static final String FILE_FIELDS = """
            "id": "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60", "owner_id": "alice",
             "original_name": "7bd855d8-463d-4ed5-93ca-5fe35145f733.xlsx", "extension": "xlsx",
             "media_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "name_media_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "extension_mismatch": false, "size_bytes": 5289,
             "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "bucket": "ai-data-suite",
             "object_key": "files/alice/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60",
             "data_type": "benchmark", "tags": ["gaia", "validation"],
             "text_key": "text/alice/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60.txt",
             "text_length": 812, "text_truncated": false, "details": {"sheet_count": 1},
             "task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733\"""";
    static final String FILE_EXAMPLE = "{" + FILE_FIELDS + "}";
    static final String FILE_VIEW_EXAMPLE = "{" + FILE_FIELDS
            + ", \"status\": \"STORED\", \"created_at\": \"2026-11-25T10:15:30.123456Z\"}";
    static final String CONFLICT_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "Owner alice already stored this content as file 3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60",
             "existing_id": "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60"}""";
    static final String VALIDATION_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "sha256 must be 64 hexadecimal characters",
             "errors": [{"field": "sha256", "message": "must be 64 hexadecimal characters"}]}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No file 3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60"}""";

    static final String FORBIDDEN_OWNER_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "'owner_id' names another user ('bob'); you may act only as 'alice'. Leave 'owner_id' out to\
             use your own."}""";
    static final String INTERNAL_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Creating file records is internal to the suite; services call it, people do not."}""";

    private final FileService service;
    private final Caller caller;

    public FileResource(FileService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Register a stored file",
            description = "Idempotent by id: repeating a create with the same id, owner and sha256 answers 200."
                    + " Internal: only a service hop (ingest-service, for its caller) may create records with object"
                    + " keys. owner_id left out is the caller; naming another user needs admin.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FileCreateRequest.class),
            examples = @ExampleObject(name = "file", value = FILE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FileView.class),
                    examples = @ExampleObject(name = "file", value = FILE_VIEW_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Already registered under this id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FileView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not a service hop, or owner_id names another user",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = {@ExampleObject(name = "internal", value = INTERNAL_EXAMPLE),
                        @ExampleObject(name = "foreign-owner", value = FORBIDDEN_OWNER_EXAMPLE)}))
    @APIResponse(responseCode = "409", description = "Same owner and sha256 stored under another id",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "conflict", value = CONFLICT_EXAMPLE)))
    public Response create(@Valid @NotNull FileCreateRequest body, UriInfo uriInfo) {
        caller.requireService("Creating file records");
        FileService.Created result = service.create(body, caller.ownerFor(body.ownerId(), "owner_id"));
        if (!result.created()) {
            return Response.ok(result.file()).build();
        }
        URI location = uriInfo.getAbsolutePathBuilder().path(result.file().id()).build();
        return Response.created(location).entity(result.file()).build();
    }

    @GET
    @Operation(summary = "List files", description = "Newest first (created_at desc, then id); every filter is optional."
            + " A user lists only their own files (owner_id left out or their own); an admin lists everyone's unless"
            + " owner_id names one.")
    @APIResponse(responseCode = "200", description = "One page of files",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FilePage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + FILE_VIEW_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0, size outside 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "owner_id names another user (not an admin)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-owner", value = FORBIDDEN_OWNER_EXAMPLE)))
    public PageView<FileView> list(@QueryParam("owner_id") String ownerId,
                                   @QueryParam("sha256") String sha256,
                                   @QueryParam("data_type") String dataType,
                                   @QueryParam("media_type") String mediaType,
                                   @QueryParam("tag") String tag,
                                   @QueryParam("task_id") String taskId,
                                   @QueryParam("name") String name,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        String owner = caller.ownerFilter(ownerId, "owner_id");
        return service.list(new FileQuery(owner, sha256, dataType, mediaType, tag, taskId, name), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one file", description = "Another user's file answers 404, as an unknown id does.")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FileView.class),
                    examples = @ExampleObject(name = "file", value = FILE_VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's file",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public FileView get(@PathParam("id") String id) {
        return service.find(id).filter(file -> caller.canSee(file.ownerId()))
                .orElseThrow(() -> ProblemException.notFound("No file " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one file", description = "Removes its tags and task links too. Another user's file"
            + " answers 404, as an unknown id does.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's file",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public RestResponse<Void> delete(@PathParam("id") String id) {
        if (!service.delete(id, caller::canSee)) {
            throw ProblemException.notFound("No file " + id);
        }
        return RestResponse.noContent();
    }

    @POST
    @Path("/references")
    @Operation(summary = "Which object keys are still referenced",
            description = "The subset of the keys that some file of the bucket uses as object_key or text_key."
                    + " Internal: ingest-service's orphan reconciler (a service identity) calls it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferencesRequest.class),
            examples = @ExampleObject(name = "keys", value = """
                    {"bucket": "suite-files", "keys": ["alice/3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60", "alice/orphan"]}""")))
    @APIResponse(responseCode = "200", description = "The referenced keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferencesView.class),
                    examples = @ExampleObject(name = "referenced", value = """
                            {"referenced": ["alice/3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60"]}""")))
    @APIResponse(responseCode = "400", description = "Missing bucket, or more than 1000 keys",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a service hop",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public ReferencesView references(@Valid @NotNull ReferencesRequest body) {
        caller.requireService("Checking stored object keys");
        return new ReferencesView(service.referenced(body.bucket(), body.keys()));
    }

    /** {@code PageView<FileView>} under a name, for the OpenAPI document (@Schema cannot name a generic type). */
    @Schema(name = "FilePage", description = "One page of files")
    record FilePage(List<FileView> items, int page, int size, long total) {
    }
}
