package ai.datasuite.retrieval.model;

/**
 * Latency of {@code n} searches of random questions of the model's dataset (one at a time, after a short untimed
 * warm-up): mean and nearest-rank percentiles in milliseconds, queries per second, and the model's load time
 * ({@code loaded_now} when this call loaded it).
 */
public record BenchmarkReport(String modelId, int n, int topK, double meanMs, double p50Ms, double p95Ms,
                              double p99Ms, double maxMs, double qps, long loadMillis, boolean loadedNow) {
}
