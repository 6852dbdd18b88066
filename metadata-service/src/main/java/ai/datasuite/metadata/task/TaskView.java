package ai.datasuite.metadata.task;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task as the API returns it in lists. */
@Schema(name = "Task")
public record TaskView(
        String taskId,
        String question,
        int level,
        String finalAnswer,
        String fileName,
        String steps,
        Integer numberOfSteps,
        String howLong,
        String tools,
        Integer numberOfTools,
        @Schema(description = "Current version of the steps; 1 = as imported, above 1 edited by annotators",
                minimum = "1")
        int stepsVersion,
        Instant createdAt,
        Instant updatedAt) {
}
