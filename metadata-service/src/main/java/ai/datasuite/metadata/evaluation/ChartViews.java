package ai.datasuite.metadata.evaluation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data of the evaluation charts, answered as JSON (the PNG draws the same numbers). */
public final class ChartViews {

    private ChartViews() {
    }

    /** Accuracy per level per run. */
    @Schema(name = "EvaluationAccuracyChart")
    public record Accuracy(@Schema(description = "Every level any of the runs has") List<Integer> levels,
                           List<RunAccuracy> runs) {
    }

    @Schema(name = "EvaluationRunAccuracy")
    public record RunAccuracy(String id, String model, Instant createdAt, long done, long correct,
                              @Schema(nullable = true) Double accuracy, List<LevelAccuracy> byLevel) {
    }

    @Schema(name = "EvaluationLevelAccuracy")
    public record LevelAccuracy(int level, long done, long correct,
                                @Schema(nullable = true, description = "null while done = 0") Double accuracy) {
    }

    /** The latency histogram of a run's finished rows. */
    @Schema(name = "EvaluationLatencyChart")
    public record Latency(String id,
                          @Schema(description = "Finished rows that recorded a latency") long count,
                          @Schema(nullable = true) Long minMs,
                          @Schema(nullable = true) Long medianMs,
                          @Schema(nullable = true) Long maxMs,
                          List<LatencyBin> bins) {
    }

    /** Rows with from_ms <= latency_ms < to_ms. */
    @Schema(name = "EvaluationLatencyBin")
    public record LatencyBin(long fromMs, long toMs, long count) {
    }

    /** The compare view's flips per level. */
    @Schema(name = "EvaluationFlipChart")
    public record Flips(String a, String b, long commonTasks, List<CompareView.LevelFlips> byLevel) {
    }
}
