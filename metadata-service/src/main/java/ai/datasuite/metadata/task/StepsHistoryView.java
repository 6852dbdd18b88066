package ai.datasuite.metadata.task;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every version of a task's steps, newest first. */
@Schema(name = "StepsHistory")
public record StepsHistoryView(
        String taskId,
        int currentVersion,
        List<StepsVersionView> versions) {
}
