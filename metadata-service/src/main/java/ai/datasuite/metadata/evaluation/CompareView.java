package ai.datasuite.metadata.evaluation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Two runs side by side: which tasks finished in both flipped, per level, and whether their steps were edited. */
@Schema(name = "EvaluationCompare")
public record CompareView(
        RunSummary a,
        RunSummary b,
        @Schema(description = "Tasks finished in both runs") long commonTasks,
        List<Flip> rightToWrong,
        List<Flip> wrongToRight,
        List<LevelFlips> byLevel,
        @Schema(description = "Flipped tasks (either way) whose steps were edited between the runs")
        long flippedWithStepsEdited) {

    /** One run's identity and overall counts. */
    @Schema(name = "EvaluationCompareRun")
    public record RunSummary(String id, String model, Instant createdAt, long done, long correct,
                             @Schema(nullable = true) Double accuracy) {
    }

    /** One task that changed from right to wrong or the reverse. */
    @Schema(name = "EvaluationFlip")
    public record Flip(String taskId, int level, String fileType,
                       @Schema(description = "Both steps versions are known and differ") boolean stepsEdited,
                       @Schema(nullable = true) Integer stepsVersionA,
                       @Schema(nullable = true) Integer stepsVersionB) {
    }

    /** The outcomes of one level's common tasks. */
    @Schema(name = "EvaluationLevelFlips")
    public record LevelFlips(int level, long rightToWrong, long wrongToRight, long stayedRight, long stayedWrong) {
    }
}
