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
        Instant createdAt,
        Instant updatedAt) {
}
