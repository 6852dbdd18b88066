package ai.datasuite.metadata.comment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/comments/stats}. Every per-label map has all seven labels, in label order. */
@Schema(name = "CommentStats")
public record CommentStatsView(
        long total,
        long predicted,
        long labelled,
        long pending,
        long failed,
        Map<String, Long> perPredictedLabel,
        Map<String, Long> perTrueLabel,
        @Schema(description = "Mean prediction_score of predicted rows; null when there are none") Double meanScore,
        @Schema(description = "Share of evaluated rows whose prediction equals the true label; null when none")
        Double accuracy,
        @Schema(description = "Rows that have both a prediction and a true label") long evaluated,
        @Schema(description = "Per label, on evaluated rows; a ratio whose denominator is 0 is 0.0")
        Map<String, LabelScores> perLabel,
        @Schema(description = "Mean F1 over the labels that occur (as true or predicted label) among evaluated rows,"
                + " as scikit-learn's macro average; null when no row is evaluated")
        Double macroF1,
        Confusion confusion,
        List<DayCount> volumePerDay) {

    /** Precision = tp / predicted as the label, recall = tp / support, F1 their harmonic mean; 0.0 for 0/0. */
    @Schema(name = "LabelScores")
    public record LabelScores(double precision, double recall, double f1, long support) {
    }

    /** {@code matrix[i][j]}: evaluated rows with true label {@code labels[i]} predicted as {@code labels[j]}. */
    @Schema(name = "ConfusionMatrix")
    public record Confusion(List<String> labels, long[][] matrix) {
    }

    /** Comments whose request_time falls on this UTC day. */
    @Schema(name = "DayCount")
    public record DayCount(LocalDate day, long count) {
    }
}
