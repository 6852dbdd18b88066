package ai.datasuite.metadata.task;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /api/v1/tasks/{task_id}/steps}. Checked by {@link TaskStepsService}, not by annotations: the
 * limits are configuration ({@code metadata.tasks.*}) and the errors name them.
 */
@Schema(name = "StepsUpdate")
public record StepsUpdateRequest(
        @Schema(description = "1..metadata.tasks.max-steps (100) steps, each a non-blank line of at most"
                + " metadata.tasks.max-step-chars (2000) characters", required = true)
        List<String> steps,
        @Schema(description = "Why, at most metadata.tasks.max-note-chars (1000) characters", nullable = true)
        String note) {
}
