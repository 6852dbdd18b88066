package ai.datasuite.retrieval.model;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A saved model and whether it is loaded: {@code memory_bytes} (heap estimate of the loaded model and its context
 * texts), {@code loaded_at} and {@code load_millis} are null when it is not loaded.
 */
public record ModelView(String modelId, String modelType, String datasetId, Map<String, Object> params,
                        Instant createdAt, long fitMillis, long sizeBytes, int contexts, boolean loaded,
                        Long memoryBytes, Instant loadedAt, Long loadMillis,
                        @Schema(description = "Who fitted it (may remove it, with admins); null for a model saved"
                                + " before models had owners") String owner) {
}
