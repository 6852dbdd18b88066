package ai.datasuite.metadata.evaluation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/evaluations/{id}}: the runner moves a run on (internal). */
@Schema(name = "EvaluationPatch")
public record EvaluationPatchRequest(
        @NotNull @Pattern(regexp = EvaluationStatus.PATCH_PATTERN, message = EvaluationStatus.PATCH_MESSAGE)
        @Schema(required = true, enumeration = {"running", "completed", "failed"})
        String status,
        @Schema(nullable = true, description = "Why the run failed; cut at metadata.evaluations.max-text-chars")
        String error) {
}
