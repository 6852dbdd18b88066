package ai.datasuite.retrieval.model;

import java.time.Instant;
import java.util.Map;

/**
 * What a saved model's {@code model.json} holds. {@code owner} is the user who fitted it (null for models saved
 * before models had owners: only admins may remove those).
 */
record SavedModel(String modelId, String modelType, String datasetId, Map<String, Object> params,
                  Instant createdAt, long fitMillis, int contexts, String owner) {
}
