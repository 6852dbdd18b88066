package ai.datasuite.metadata.comment;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Outcome of a results report: {@code written} predictions, and the nums (of predictions or failures) that were not
 * applied because the row was no longer unpredicted and leased to the reporting worker.
 */
@Schema(name = "CommentResultsOutcome")
public record ResultsView(int written, List<Long> rejected) {
}
