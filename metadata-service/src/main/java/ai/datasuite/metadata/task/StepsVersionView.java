package ai.datasuite.metadata.task;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a task's steps, with its diff to the version before it (or, for a save, to the current one). */
@Schema(name = "StepsVersion")
public record StepsVersionView(
        String taskId,
        @Schema(description = "1 = the imported steps", minimum = "1") int version,
        @Schema(description = "Who saved it; 'import' for version 1") String author,
        @Schema(description = "The saver's role; null for version 1", nullable = true) String role,
        Instant createdAt,
        @Schema(nullable = true) String note,
        List<String> steps,
        List<StepsDiff.Line> diff,
        @Schema(description = "False when a save equalled the current steps and made no new version")
        boolean changed) {
}
