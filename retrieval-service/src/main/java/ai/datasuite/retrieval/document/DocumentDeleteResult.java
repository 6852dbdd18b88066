package ai.datasuite.retrieval.document;

/** Answer of {@code DELETE /api/v1/documents}: how many chunks of the owner's file were removed. */
public record DocumentDeleteResult(String owner, String sourceFileId, long deleted) {
}
