package ai.datasuite.retrieval.client;

import java.util.List;

/** Body of metadata-service's {@code POST /api/v1/datasets}; the id is ours, so a retried create is idempotent. */
public record NewRemoteDataset(String id, String name, String fileId, int rows, int distinctContexts,
                               List<String> columns, String owner) {
}
