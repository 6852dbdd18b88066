package ai.datasuite.retrieval.client;

import java.time.Instant;
import java.util.List;

/** A catalogued dataset as metadata-service returns it. */
public record RemoteDataset(String id, String name, String fileId, int rows, int distinctContexts,
                            List<String> columns, String owner, Instant uploadedAt) {
}
