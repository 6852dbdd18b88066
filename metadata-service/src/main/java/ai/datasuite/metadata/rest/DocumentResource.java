package ai.datasuite.metadata.rest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.jboss.resteasy.reactive.RestResponse;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.document.DocumentCreateRequest;
import ai.datasuite.metadata.document.DocumentPatchRequest;
import ai.datasuite.metadata.document.DocumentService;
import ai.datasuite.metadata.document.DocumentView;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * The documents of chat-gateway's RAG chat: a user's uploaded files and how far their indexing got. The gateway
 * calls with the person's identity; a user sees and changes only their own documents (another user's answers 404,
 * as an unknown id does), an admin or a service everyone's.
 */
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "Files uploaded for the chat and their indexing progress")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class DocumentResource {

    /** file_id values one listing may name (chat asks for the files its answer cites). */
    static final int MAX_FILE_IDS = 50;

    static final String DOCUMENT_EXAMPLE = """
            {"id": "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c", "owner": "alice",
             "file_id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "name": "handbook.pdf", "data_type": "document",
             "status": "indexing", "chunks": 120, "chunks_indexed": 30, "progress": 0.25, "error": null,
             "created_at": "2026-12-02T10:15:30.123456Z", "updated_at": "2026-12-02T10:15:41.654321Z"}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No document 3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c"}""";

    private final DocumentService service;
    private final Caller caller;

    public DocumentResource(DocumentService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Record an uploaded document", description = "New documents start indexing with"
            + " chunks_indexed 0. The same owner and file_id again answers 200 with the existing document unchanged"
            + " (the same bytes uploaded twice are one document). owner left out is the caller; naming another user"
            + " needs the admin role (or a service).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DocumentCreateRequest.class),
            examples = @ExampleObject(name = "document", value = """
                    {"file_id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "name": "handbook.pdf",
                     "data_type": "document"}""")))
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentView.class),
                    examples = @ExampleObject(name = "document", value = DOCUMENT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The owner already has a document of this file_id: that one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentView.class),
                    examples = @ExampleObject(name = "existing", value = DOCUMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "file_id not a UUID, name not 1..255 characters, data_type not"
            + " 1..64 characters, or a malformed owner",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "file_id must be a UUID",
                             "errors": [{"field": "file_id", "message": "must be a UUID"}]}""")))
    @APIResponse(responseCode = "403", description = "owner names another user (not an admin or a service)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-owner",
                            value = ConversationResource.FORBIDDEN_OWNER_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A concurrent create of the same document won twice; retry",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response create(@Valid @NotNull DocumentCreateRequest body, UriInfo uriInfo) {
        DocumentService.Created result = service.create(body, caller.ownerFor(body.owner(), "owner"));
        if (!result.created()) {
            return Response.ok(result.document()).build();
        }
        URI location = uriInfo.getAbsolutePathBuilder().path(result.document().id()).build();
        return Response.created(location).entity(result.document()).build();
    }

    @GET
    @Operation(summary = "List documents", description = "Newest first (created_at desc, then id). A user lists only"
            + " their own; an admin lists everyone's unless owner names one.")
    @APIResponse(responseCode = "200", description = "One page of documents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + DOCUMENT_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "status not indexing, ready or failed; page < 0, size outside"
            + " 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "status must be one of indexing, ready, failed",
                             "errors": [{"field": "status", "message": "must be one of indexing, ready, failed"}]}""")))
    @APIResponse(responseCode = "403", description = "owner names another user (not an admin)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-owner",
                            value = ConversationResource.FORBIDDEN_OWNER_EXAMPLE)))
    public PageView<DocumentView> list(
            @QueryParam("owner") @Parameter(description = "Only this owner's documents (a user: only their own)")
            String owner,
            @QueryParam("status") @Parameter(description = "indexing, ready or failed") String status,
            @QueryParam("file_id") @Size(max = MAX_FILE_IDS) @Parameter(description = "Only the documents of these"
                    + " files (repeat the parameter; at most " + MAX_FILE_IDS + ")") List<String> fileId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "0-based page") int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "1..200") int size) {
        return service.list(caller.ownerFilter(owner, "owner"), status == null || status.isBlank() ? null : status,
                fileId == null ? List.of() : fileId, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a document", description = "With its indexing status and progress.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentView.class),
                    examples = @ExampleObject(name = "document", value = DOCUMENT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's document",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public DocumentView get(@PathParam("id") String id) {
        return service.find(id, caller::canSee).orElseThrow(() -> notFound(id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Update a document's indexing state", description = "The fields given change, the others"
            + " stay; an empty error clears it. 0 <= chunks_indexed <= chunks once chunks is known.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DocumentPatchRequest.class),
            examples = @ExampleObject(name = "progress", value = "{\"chunks\": 120, \"chunks_indexed\": 30}")))
    @APIResponse(responseCode = "200", description = "The updated document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentView.class),
                    examples = @ExampleObject(name = "document", value = DOCUMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "status not indexing, ready or failed; chunks < 0;"
            + " chunks_indexed < 0 or above chunks; error over 1000 characters",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "chunks_indexed must be at most chunks (120)",
                             "errors": [{"field": "chunks_indexed", "message": "must be at most chunks (120)"}]}""")))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's document",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public DocumentView update(@PathParam("id") String id, @Valid @NotNull DocumentPatchRequest body) {
        return service.update(id, body, caller::canSee).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a document's record", description = "The stored file and the indexed chunks are"
            + " ingest-service's and retrieval-service's; chat-gateway removes those.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's document",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public RestResponse<Void> delete(@PathParam("id") String id) {
        if (!service.delete(id, caller::canSee)) {
            throw notFound(id);
        }
        return RestResponse.noContent();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No document " + id);
    }

    /** {@code PageView<DocumentView>} under a name, for the OpenAPI document. */
    @Schema(name = "DocumentPage", description = "One page of documents")
    record DocumentPage(List<DocumentView> items, int page, int size, long total) {
    }
}
