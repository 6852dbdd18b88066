package ai.datasuite.gateway.client;

/** One chunk sent to retrieval-service: its text and its 0-based position in the source. */
public record RetrievalChunk(String text, int position) {
}
