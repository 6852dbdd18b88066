package ai.datasuite.gateway.client;

/** retrieval-service's answer to deleting a source's chunks. */
public record RetrievalDeleteResult(String owner, String sourceFileId, long deleted) {
}
