package ai.datasuite.retrieval.document;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/documents}: the owner, the source file and its chunks. {@code replace} true first
 * deletes the file's chunks already indexed (re-indexing a changed file); otherwise chunks are upserted by position.
 */
public record DocumentIndexRequest(
        @Schema(description = "Whose chunks; left out, the caller's. Only an admin may name another user (403"
                + " otherwise).", example = "alice")
        String owner,
        @Schema(description = "The file the chunks come from (at most retrieval.documents.max-id-length characters)",
                example = "f-42")
        String sourceFileId,
        List<DocumentChunk> chunks,
        @Schema(description = "true: remove the file's chunks already indexed first")
        Boolean replace) {
}
