package ai.datasuite.metadata.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The counts of one group of a run's tasks (one level, one file type). */
@Schema(name = "EvaluationBreakdown")
public record BreakdownView(
        @Schema(description = "The level (\"1\") or the file type (\"xlsx\", \"none\")") String key,
        long total,
        @Schema(description = "Finished rows: done or error") long done,
        long errors,
        long correct,
        @Schema(nullable = true, description = "correct / done; null while done = 0") Double accuracy) {

    static BreakdownView of(String key, Tally t) {
        return new BreakdownView(key, t.total, t.done, t.errors, t.correct, t.accuracy());
    }
}
