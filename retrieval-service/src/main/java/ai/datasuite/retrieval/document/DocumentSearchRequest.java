package ai.datasuite.retrieval.document;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/documents/search}: whose chunks, the query, how many, an optional
 * {@code source_file_id} filter, whether the public notices take part, and how many answer sentences to pick.
 */
public record DocumentSearchRequest(
        @Schema(description = "Whose chunks to search; left out, the caller's. Only an admin may name another user"
                + " (403 otherwise).", example = "alice")
        String owner,
        @Schema(description = "The question or keywords", example = "Which river flows through Warsaw?")
        String query,
        @Schema(description = "How many chunks (1 to retrieval.documents.max-top-k; 5 by default)", example = "5")
        Integer topK,
        @Schema(description = "Only source_file_id is allowed (a filter can never name the owner)")
        Map<String, String> filters,
        @Schema(description = "true: the public notices (owner _public) are candidates too; false by default",
                example = "true")
        Boolean includePublic,
        @Schema(description = "How many answer sentences to pick from the returned chunks (0 to"
                + " retrieval.documents.highlights.max; 0 by default)", example = "2")
        Integer highlights) {
}
