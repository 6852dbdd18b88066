package ai.datasuite.metadata.dataset;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalogued dataset as the API returns it. */
@Schema(name = "Dataset")
public record DatasetView(
        String id,
        String name,
        String fileId,
        int rows,
        int distinctContexts,
        List<String> columns,
        String owner,
        Instant uploadedAt) {
}
