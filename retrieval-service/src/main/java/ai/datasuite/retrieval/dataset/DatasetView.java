package ai.datasuite.retrieval.dataset;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dataset as the catalogue holds it; an upload answer also names the columns it dropped. */
@Schema(name = "Dataset")
public record DatasetView(
        String id,
        String name,
        @Schema(description = "ingest-service's file holding the uploaded CSV") String fileId,
        int rows,
        int distinctContexts,
        @Schema(description = "The header of the uploaded CSV") List<String> columns,
        @Schema(description = "Columns dropped (extra_columns=ignore); null when not an upload answer")
        List<String> ignoredColumns,
        String owner,
        Instant uploadedAt) {
}
