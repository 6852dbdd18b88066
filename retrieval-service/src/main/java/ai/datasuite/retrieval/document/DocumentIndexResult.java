package ai.datasuite.retrieval.document;

/** Answer of {@code POST /api/v1/documents}: chunks indexed now, chunks the file has in the index, time taken. */
public record DocumentIndexResult(String owner, String sourceFileId, int indexed, long replaced, long fileChunks,
                                  String model, long millis) {
}
