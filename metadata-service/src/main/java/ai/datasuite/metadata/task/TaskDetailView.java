package ai.datasuite.metadata.task;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.file.FileView;

/** One task with the files linked to it. */
@Schema(name = "TaskWithFiles")
public record TaskDetailView(
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
        Instant updatedAt,
        List<FileView> files) {
}
