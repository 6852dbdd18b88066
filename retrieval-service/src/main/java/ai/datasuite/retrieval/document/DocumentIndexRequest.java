package ai.datasuite.retrieval.document;

import java.util.List;

/**
 * Body of {@code POST /api/v1/documents}: the owner, the source file and its chunks. {@code replace} true first
 * deletes the file's chunks already indexed (re-indexing a changed file); otherwise chunks are upserted by position.
 */
public record DocumentIndexRequest(String owner, String sourceFileId, List<DocumentChunk> chunks, Boolean replace) {
}
