package ai.datasuite.metadata.task;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

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
        @Schema(description = "Current version of the steps; 1 = as imported, above 1 edited by annotators",
                minimum = "1")
        int stepsVersion,
        Instant createdAt,
        Instant updatedAt,
        List<FileView> files) {

    /** The same task listing only the linked files whose owner {@code visible} accepts (a user's own). */
    public TaskDetailView withFilesVisibleTo(Predicate<String> visible) {
        return new TaskDetailView(taskId, question, level, finalAnswer, fileName, steps, numberOfSteps, howLong, tools,
                numberOfTools, stepsVersion, createdAt, updatedAt,
                files.stream().filter(f -> visible.test(f.ownerId())).toList());
    }
}
