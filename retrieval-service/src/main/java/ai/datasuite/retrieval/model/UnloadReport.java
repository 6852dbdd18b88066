package ai.datasuite.retrieval.model;

/** Outcome of {@code unload_model}: whether it was loaded and the memory released (the loaded model's estimate). */
public record UnloadReport(String modelId, boolean wasLoaded, long releasedBytes) {
}
