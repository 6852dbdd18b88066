package ai.datasuite.retrieval.model;

/** Outcome of {@code load_model}: whether it was loaded already, how long loading took and the memory it holds. */
public record LoadReport(String modelId, boolean alreadyLoaded, long loadMillis, long memoryBytes) {
}
