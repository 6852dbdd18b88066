package ai.datasuite.retrieval.dataset;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Answer of {@code GET /api/v1/datasets/{id}/rows}: one page of a dataset's Q&A rows in file order, e.g. for
 * fine-tuning; {@code total} counts every row.
 */
@Schema(name = "DatasetRows")
public record DatasetRows(String datasetId, int total, int page, int size, List<Row> rows) {

    /** One row: its 1-based data row number in the CSV and its three fields. */
    public record Row(int row, String question, String answer, String context) {
    }
}
