package ai.datasuite.gateway.rest;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.gateway.client.MetadataDocumentsClient.DocumentPage;
import ai.datasuite.gateway.client.MetadataDocumentsClient.StoredDocument;
import ai.datasuite.gateway.client.RetrievalSearchRequest;
import ai.datasuite.gateway.client.RetrievalSearchResult;
import ai.datasuite.gateway.document.Acting;
import ai.datasuite.gateway.document.DocumentService;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "Your uploaded documents (POST /api/upload), their indexing, and search over"
        + " them and the notices. A user sees only their own; another user's document answers 404.")
public class DocumentResource {

    static final String DOCUMENT_EXAMPLE = """
            {"id": "9d2f6a10-3b4c-4d5e-8f9a-0b1c2d3e4f5a", "owner": "alice",
             "file_id": "5b0c3c2e-1a2b-4c3d-9e8f-7a6b5c4d3e2f", "name": "handbook.pdf", "data_type": "text",
             "status": "indexing", "chunks": 120, "chunks_indexed": 64, "progress": 0.5333, "error": null,
             "created_at": "2026-12-02T10:15:30Z", "updated_at": "2026-12-02T10:15:42Z"}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No document 9d2f6a10-3b4c-4d5e-8f9a-0b1c2d3e4f5a"}""";
    static final String SEARCH_EXAMPLE = """
            {"owner": "alice", "query": "When does the library open on Sundays?",
             "results": [{"owner": "_public", "source_file_id": "notice:3c1d", "position": 0,
               "text": "Library hours\\n\\nOn Sundays the library opens at 10:00.", "score": 0.91,
               "dense_score": 0.88, "sparse_score": 4.2}],
             "highlights": [{"text": "On Sundays the library opens at 10:00.", "source_file_id": "notice:3c1d",
               "owner": "_public", "position": 0, "hit": 0, "score": 0.93}]}""";
    static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "'user_id' names another user ('bob'); you may act only as 'alice'. Leave 'user_id' out to use your own."}""";

    private final DocumentService documents;
    private final Caller caller;

    public DocumentResource(DocumentService documents, Caller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List your documents", description = "Newest first, with each one's indexing status and"
            + " progress. An admin lists everyone's, or one user's with user_id.")
    @APIResponse(responseCode = "200", description = "One page of documents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + DOCUMENT_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0, size outside 1..200, or an unknown status",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "user_id names another user and the caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "forbidden", value = FORBIDDEN_EXAMPLE)))
    public DocumentPage list(@Parameter(description = "Only this user's documents (admins)", example = "alice")
                             @QueryParam("user_id") String userId,
                             @Parameter(description = "indexing, ready or failed", example = "ready")
                             @QueryParam("status") String status,
                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        String owner = caller.ownerFilter(userId, "user_id");
        return documents.list(owner, status == null || status.isBlank() ? null : status, page, size,
                Acting.of(caller));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one of your documents", description = "status is indexing, ready or failed;"
            + " progress = chunks_indexed / chunks; error says why indexing failed.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StoredDocument.class),
                    examples = @ExampleObject(name = "indexing", value = DOCUMENT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such document, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public StoredDocument get(@PathParam("id") String id) {
        return documents.get(id, Acting.of(caller)).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one of your documents", description = "Its chunks leave the search index, then its"
            + " record, then the stored file. If a service fails half-way, delete again: the record stays until the"
            + " chunks are gone.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such document (already deleted), or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "503", description = "A service holding part of the document is unavailable; retry",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public void delete(@PathParam("id") String id) {
        if (!documents.delete(id, Acting.of(caller))) {
            throw notFound(id);
        }
    }

    @POST
    @Path("/search")
    @Operation(summary = "Search your documents and the notices", description = "The best chunks of your documents"
            + " (and of the notice board unless include_public is false), best first, with retrieval-service's"
            + " scores; highlights: the best sentences among them. owner left out: yours; only an admin may name"
            + " another user.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RetrievalSearchRequest.class),
            examples = @ExampleObject(name = "question", value = "{\"query\": \"When does the library open on"
                    + " Sundays?\", \"top_k\": 3, \"highlights\": 2}")))
    @APIResponse(responseCode = "200", description = "The best chunks and sentences",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RetrievalSearchResult.class),
                    examples = @ExampleObject(name = "results", value = SEARCH_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No query, or top_k / highlights out of range",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "no query", value = "{\"type\":"
                            + " \"urn:ai-data-suite:problem:validation\", \"title\": \"Invalid request\", \"status\":"
                            + " 400, \"detail\": \"query is required\"}")))
    @APIResponse(responseCode = "403", description = "owner names another user and the caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public RetrievalSearchResult search(@NotNull RetrievalSearchRequest request) {
        if (request.query() == null || request.query().isBlank()) {
            throw ProblemException.validation("query is required",
                    java.util.Map.of("errors", java.util.List.of(java.util.Map.of("field", "query",
                            "message", "must not be blank"))));
        }
        String owner = caller.ownerFor(request.owner(), "owner");
        return documents.search(request.forOwner(owner).includePublicByDefault(true), Acting.of(caller));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No document " + id);
    }
}
