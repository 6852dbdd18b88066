package ai.datasuite.retrieval.model;

import java.time.Instant;
import java.util.Map;

/** What a saved model's {@code model.json} holds. */
record SavedModel(String modelId, String modelType, String datasetId, Map<String, Object> params,
                  Instant createdAt, long fitMillis, int contexts) {
}
