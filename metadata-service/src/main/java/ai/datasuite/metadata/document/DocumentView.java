package ai.datasuite.metadata.document;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document as the API returns it. */
@Schema(name = "Document")
public record DocumentView(
        String id,
        String owner,
        String fileId,
        String name,
        String dataType,
        @Schema(enumeration = {"indexing", "ready", "failed"})
        String status,
        @Schema(description = "Total chunks, or null until known", nullable = true)
        Integer chunks,
        int chunksIndexed,
        @Schema(description = "chunks_indexed / chunks (0..1); 1 for a document of 0 chunks; null while chunks is"
                + " unknown", nullable = true)
        Double progress,
        @Schema(nullable = true)
        String error,
        Instant createdAt,
        Instant updatedAt) {

    static DocumentView of(Document d) {
        return new DocumentView(d.getId(), d.getOwnerId(), d.getFileId(), d.getName(), d.getDataType(), d.getStatus(),
                d.getChunks(), d.getChunksIndexed(), progress(d.getChunks(), d.getChunksIndexed()), d.getError(),
                d.getCreatedAt(), d.getUpdatedAt());
    }

    static Double progress(Integer chunks, int indexed) {
        if (chunks == null) {
            return null;
        }
        // Nothing to index (an empty text) is complete, not 0/0.
        return chunks == 0 ? 1.0 : Math.min(1.0, (double) indexed / chunks);
    }
}
