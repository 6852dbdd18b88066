package ai.datasuite.retrieval.document;

/** One chunk of a document: its text and its position in the source file (0-based, unique within the file). */
public record DocumentChunk(String text, Integer position) {
}
