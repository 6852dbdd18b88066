package ai.datasuite.metadata.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** Body of {@code POST /api/v1/evaluations}: the model, how to prompt it, and which tasks. */
@Schema(name = "EvaluationCreate")
public record EvaluationCreateRequest(
        @NotBlank @Text(max = 200) @Schema(required = true, description = "The model to ask, at most 200 characters")
        String model,
        @Text(max = 20_000, controls = true) @Schema(nullable = true, description = "Optional prompt template (the"
                + " runner's default when null), at most 20000 characters")
        String promptTemplate,
        @Schema(nullable = true, description = "Give the model the task's current steps as guidance (default false)")
        Boolean useSteps,
        @Schema(nullable = true, description = "Send images as image content (true) or as their facts (false); null:"
                + " the runner's default")
        Boolean vision,
        @Min(1) @Schema(nullable = true, minimum = "1", description = "Tasks asked at the same time, >= 1 (default 1)")
        Integer concurrency,
        @Valid @Schema(nullable = true, description = "Which tasks; null takes every task")
        EvaluationFilter filter) {
}
