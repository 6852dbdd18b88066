package ai.datasuite.retrieval.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import ai.datasuite.identity.Caller;
import ai.datasuite.problem.Problems;
import ai.datasuite.retrieval.document.DocumentDeleteResult;
import ai.datasuite.retrieval.document.DocumentIndexRequest;
import ai.datasuite.retrieval.document.DocumentIndexResult;
import ai.datasuite.retrieval.document.DocumentSearchRequest;
import ai.datasuite.retrieval.document.DocumentSearchResponse;
import ai.datasuite.retrieval.document.DocumentService;

@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid identity token (calls come through chat-gateway)",
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "no-token", value = IdentityExamples.UNAUTHORIZED)))
@Tag(name = "Documents", description = "Each user's document chunks for RAG: index, hybrid search, delete by file")
public class DocumentResource {

    private static final String INDEX_EXAMPLE = """
            {"owner": "alice", "source_file_id": "f-42", "replace": true,
             "chunks": [{"text": "The Vistula is the longest river in Poland.", "position": 0},
                        {"text": "It flows through Krakow and Warsaw to the Baltic Sea.", "position": 1}]}""";
    private static final String INDEXED_EXAMPLE = """
            {"owner": "alice", "source_file_id": "f-42", "indexed": 2, "replaced": 2, "file_chunks": 2,
             "model": "e5-small-v2", "millis": 48}""";
    private static final String SEARCH_EXAMPLE = """
            {"owner": "alice", "query": "Which river flows through Warsaw?", "top_k": 3,
             "filters": {"source_file_id": "f-42"}, "include_public": true, "highlights": 2}""";
    private static final String RESULTS_EXAMPLE = """
            {"owner": "alice", "query": "Which river flows through Warsaw?",
             "results": [{"owner": "alice", "source_file_id": "f-42", "position": 1,
                          "text": "Poland's capital is Warsaw. The Vistula flows through Krakow and Warsaw.",
                          "score": 1.0, "dense_score": 0.871, "sparse_score": 1.262},
                         {"owner": "_public", "source_file_id": "notice-7", "position": 0,
                          "text": "The river cruise on the Vistula is cancelled this week.", "score": -1.0,
                          "dense_score": 0.842, "sparse_score": 0.641}],
             "highlights": [{"text": "The Vistula flows through Krakow and Warsaw.", "source_file_id": "f-42",
                             "owner": "alice", "position": 1, "hit": 0, "score": 2.113},
                            {"text": "Poland's capital is Warsaw.", "source_file_id": "f-42", "owner": "alice",
                             "position": 1, "hit": 0, "score": 0.402}]}""";
    private static final String DELETED_EXAMPLE = """
            {"owner": "alice", "source_file_id": "f-42", "deleted": 2}""";
    private static final String INVALID_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "chunks[1].text is missing or blank", "field": "chunks[1].text"}""";
    private static final String TOO_MANY_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "300 chunks in one request; at most 256 (send several)", "param": "chunks", "max": 256}""";
    private static final String UNSUPPORTED_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:unsupported-media-type", "title": "Unsupported media type",
             "status": 415, "detail": "This content type is not accepted here"}""";

    private final DocumentService documents;
    private final Caller caller;

    public DocumentResource(DocumentService documents, Caller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Index chunks of a user's file (or of a public notice)",
            description = "Embeds each chunk (dense vector of the configured model) and its BM25 term weights (sparse"
                    + " vector) into the shared documents collection with owner, source_file_id, position and text."
                    + " A chunk is identified by (owner, source_file_id, position): sending it again replaces it."
                    + " replace=true first removes the file's chunks already indexed. The chunks are the caller's;"
                    + " an admin may index for another owner, e.g. _public: the notices every user's search may"
                    + " include.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DocumentIndexRequest.class),
            examples = @ExampleObject(name = "two-chunks", value = INDEX_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Indexed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentIndexResult.class),
                    examples = @ExampleObject(name = "indexed", value = INDEXED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Missing or blank source_file_id, no chunks, a blank or"
            + " too long text, a missing, negative or repeated position, malformed JSON",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "blank-text", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "More chunks than one request may carry",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "too-many", value = TOO_MANY_EXAMPLE)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unsupported", value = UNSUPPORTED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "owner names another user (or _public) and the caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "other-owner", value = IdentityExamples.OTHER_OWNER)))
    public DocumentIndexResult index(DocumentIndexRequest request) {
        return documents.index(request, caller.ownerFor(request == null ? null : request.owner(), "owner"));
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search a user's chunks (and the public notices)",
            description = "Hybrid search restricted to the owner's chunks (and to one file with"
                    + " filters.source_file_id): dense and BM25 candidates fused by a weighted sum of per-query"
                    + " z-scores (or RRF, by configuration). top_k defaults to 5. include_public=true adds the"
                    + " public notices (owner _public, indexed by admins or services) to the candidates; each hit"
                    + " names its owner. Never returns another user's chunk: a user searches their own; an admin may"
                    + " name an owner. highlights=n (0 to retrieval.documents.highlights.max) also returns the n"
                    + " sentences of the returned chunks that best answer the query, best first; hit is the index of"
                    + " their chunk in results.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DocumentSearchRequest.class),
            examples = @ExampleObject(name = "search", value = SEARCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The best chunks, best first (empty when the owner has none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentSearchResponse.class),
                    examples = @ExampleObject(name = "results", value = RESULTS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Missing query, query too long, top_k or highlights out of"
            + " range, an unknown filter, malformed JSON",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unsupported", value = UNSUPPORTED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "owner names another user (or _public) and the caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "other-owner", value = IdentityExamples.OTHER_OWNER)))
    public DocumentSearchResponse search(DocumentSearchRequest request) {
        return documents.search(request, caller.ownerFor(request == null ? null : request.owner(), "owner"));
    }

    @DELETE
    @Operation(summary = "Delete a user's file from the index",
            description = "Removes every chunk of source_file_id owned by owner (left out: the caller; only an admin"
                    + " may name another user). Idempotent: deleting a file that is not indexed answers 200 with"
                    + " deleted 0.")
    @APIResponse(responseCode = "200", description = "Deleted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentDeleteResult.class),
                    examples = @ExampleObject(name = "deleted", value = DELETED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "source_file_id missing or blank",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "invalid", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "source_file_id is missing or blank",
                             "field": "source_file_id"}""")))
    @APIResponse(responseCode = "403", description = "owner names another user (or _public) and the caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "other-owner", value = IdentityExamples.OTHER_OWNER)))
    public DocumentDeleteResult delete(
            @Parameter(description = "Owner of the file; left out, the caller", example = "alice")
            @QueryParam("owner") String owner,
            @Parameter(description = "The file whose chunks go", example = "f-42")
            @QueryParam("source_file_id") String sourceFileId) {
        return documents.delete(caller.ownerFor(owner, "owner"), sourceFileId);
    }
}
