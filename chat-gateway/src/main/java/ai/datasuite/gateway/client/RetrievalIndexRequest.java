package ai.datasuite.gateway.client;

import java.util.List;

/**
 * Body of retrieval-service's {@code POST /api/v1/documents}: at most 256 chunks of one source per call;
 * {@code replace} true first drops what the source had in the index (the first batch of a (re-)indexing).
 */
public record RetrievalIndexRequest(String owner, String sourceFileId, List<RetrievalChunk> chunks, Boolean replace) {
}
