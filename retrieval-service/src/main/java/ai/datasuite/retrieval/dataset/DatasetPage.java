package ai.datasuite.retrieval.dataset;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of {@code GET /api/v1/datasets}: one page of the datasets the caller may see, newest first. */
@Schema(name = "DatasetPage")
public record DatasetPage(int total, int page, int size, List<DatasetSummary> datasets) {
}
