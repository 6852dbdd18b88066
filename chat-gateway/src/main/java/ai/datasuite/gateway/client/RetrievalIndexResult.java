package ai.datasuite.gateway.client;

/** retrieval-service's answer to an index call: chunks indexed now and the source's chunks in the index. */
public record RetrievalIndexResult(String owner, String sourceFileId, int indexed, long replaced, long fileChunks,
                                   String model, long millis) {
}
