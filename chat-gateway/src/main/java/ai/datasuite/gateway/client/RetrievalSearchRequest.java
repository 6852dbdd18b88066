package ai.datasuite.gateway.client;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of retrieval-service's {@code POST /api/v1/documents/search}, also the gateway's own search body. Nulls are
 * left to retrieval-service's defaults (owner: the caller; top_k 5; include_public false; highlights 0).
 */
@Schema(name = "DocumentSearchRequest")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetrievalSearchRequest(
        @Schema(description = "Whose chunks; left out, the caller's. Only an admin may name another user.",
                example = "alice")
        String owner,
        @Schema(description = "The question or keywords", example = "When does the library open on Sundays?")
        String query,
        @Schema(description = "How many chunks", example = "5")
        Integer topK,
        @Schema(description = "Only source_file_id is allowed", example = "{\"source_file_id\": \"f-42\"}")
        Map<String, String> filters,
        @Schema(description = "Also search the public notices (owner _public)", example = "true")
        Boolean includePublic,
        @Schema(description = "How many best sentences of the hits to return as highlights (0: none)",
                example = "2")
        Integer highlights) {

    /** The caller's chunks and the notices, with {@code highlights} best sentences (what chat asks). */
    public static RetrievalSearchRequest withPublic(String owner, String query, int topK, int highlights) {
        return new RetrievalSearchRequest(owner, query, topK, null, true, highlights);
    }

    /** The same request with include_public set when it was left out. */
    public RetrievalSearchRequest includePublicByDefault(boolean include) {
        return includePublic != null ? this
                : new RetrievalSearchRequest(owner, query, topK, filters, include, highlights);
    }

    /** The same request for another owner. */
    public RetrievalSearchRequest forOwner(String newOwner) {
        return new RetrievalSearchRequest(newOwner, query, topK, filters, includePublic, highlights);
    }
}
