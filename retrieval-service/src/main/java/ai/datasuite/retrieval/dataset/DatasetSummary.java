package ai.datasuite.retrieval.dataset;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of {@code GET /api/v1/models/get_datasets}. */
@Schema(name = "DatasetSummary")
public record DatasetSummary(String id, String name, int rows, int distinctContexts, String owner, Instant uploadedAt) {
}
