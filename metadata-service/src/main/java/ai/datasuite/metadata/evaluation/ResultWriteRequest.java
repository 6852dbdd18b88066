package ai.datasuite.metadata.evaluation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /api/v1/evaluations/{id}/results/{task_id}}: what the runner recorded for one task (internal).
 * The whole row is replaced (the last write wins); texts above metadata.evaluations.max-text-chars are cut.
 */
@Schema(name = "EvaluationResultWrite")
public record ResultWriteRequest(
        @NotNull @Pattern(regexp = EvaluationStatus.RESULT_PATTERN, message = EvaluationStatus.RESULT_MESSAGE)
        @Schema(required = true, enumeration = {"done", "error"})
        String status,
        @Schema(nullable = true, description = "The prompt sent") String prompt,
        @Schema(nullable = true, description = "The model's whole answer") String rawAnswer,
        @Schema(nullable = true, description = "The text after the last FINAL ANSWER:") String finalAnswer,
        @Schema(nullable = true, description = "The score; an error row counts as wrong whatever it says")
        Boolean correct,
        @Pattern(regexp = "number|list|string", message = "must be one of number, list, string")
        @Schema(nullable = true, enumeration = {"number", "list", "string"})
        String scoreKind,
        @Min(0) @Schema(nullable = true, minimum = "0") Long latencyMs,
        @Min(0) @Schema(nullable = true, minimum = "0") Integer inputTokens,
        @Min(0) @Schema(nullable = true, minimum = "0") Integer outputTokens,
        @Min(0) @Schema(nullable = true, minimum = "0", description = "Calls made, retries included")
        Integer attempts,
        @Schema(nullable = true, description = "Why the task failed") String error,
        @Schema(nullable = true, description = "The runner cut the prompt to its budget (default false)")
        Boolean truncated,
        @Schema(nullable = true, description = "Free notes of the runner") String notes,
        @Min(1) @Schema(nullable = true, minimum = "1", description = "The steps version the task had when asked")
        Integer stepsVersion,
        @Schema(nullable = true, description = "The steps were given to the model (default false)")
        Boolean stepsUsed) {
}
