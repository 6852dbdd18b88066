package ai.datasuite.metadata.evaluation;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One task of a run; question and ground truth are read from the task (null if it was deleted since). */
@Schema(name = "EvaluationResult")
public record ResultView(
        String taskId,
        int level,
        String fileType,
        @Schema(nullable = true) String question,
        @Schema(nullable = true) String groundTruth,
        @Schema(enumeration = {"pending", "done", "error"}) String status,
        @Schema(nullable = true) String prompt,
        @Schema(nullable = true) String rawAnswer,
        @Schema(nullable = true) String finalAnswer,
        @Schema(nullable = true) Boolean correct,
        @Schema(nullable = true, enumeration = {"number", "list", "string"}) String scoreKind,
        @Schema(nullable = true) Long latencyMs,
        @Schema(nullable = true) Integer inputTokens,
        @Schema(nullable = true) Integer outputTokens,
        @Schema(nullable = true) Integer attempts,
        @Schema(nullable = true) String error,
        @Schema(description = "A text was cut: by the runner's prompt budget or at metadata.evaluations.max-text-chars")
        boolean truncated,
        @Schema(nullable = true) String notes,
        @Schema(nullable = true) Integer stepsVersion,
        boolean stepsUsed,
        Instant updatedAt) {

    static ResultView of(EvaluationResult r, String question, String groundTruth) {
        return new ResultView(r.getTaskId(), r.getLevel(), r.getFileType(), question, groundTruth, r.getStatus(),
                r.getPrompt(), r.getRawAnswer(), r.getFinalAnswer(), r.getCorrect(), r.getScoreKind(),
                r.getLatencyMs(), r.getInputTokens(), r.getOutputTokens(), r.getAttempts(), r.getError(),
                r.isTruncated(), r.getNotes(), r.getStepsVersion(), r.isStepsUsed(), r.getUpdatedAt());
    }
}
