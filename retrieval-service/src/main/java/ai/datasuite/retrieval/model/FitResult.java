package ai.datasuite.retrieval.model;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A fitted and saved model: its parameters as applied (defaults filled in), fit time, bytes on disk, contexts indexed
 * and the vectors written to its collection.
 */
public record FitResult(String modelId, String modelType, String datasetId, Map<String, Object> params,
                        long fitMillis, long sizeBytes, int contexts, long vectors, Instant createdAt,
                        @Schema(description = "The caller who fitted it, its owner") String owner) {
}
