package ai.datasuite.metadata.evaluation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A run as the API returns it, with its counts computed from the result rows. */
@Schema(name = "Evaluation")
public record EvaluationView(
        String id,
        String owner,
        @Schema(description = "The owner's role when the run was made; the runner reads tasks and files with it")
        String ownerRole,
        String model,
        @Schema(nullable = true) String promptTemplate,
        boolean useSteps,
        @Schema(nullable = true, description = "Images as image content (true) or as facts (false); null: the"
                + " runner's default") Boolean vision,
        int concurrency,
        EvaluationFilter filter,
        @Schema(enumeration = {"queued", "running", "completed", "cancelled", "failed"}) String status,
        long total,
        @Schema(description = "Finished rows: done or error") long done,
        long errors,
        long correct,
        @Schema(description = "done / total") double progress,
        @Schema(nullable = true, description = "correct / done (an error counts as wrong); null while done = 0")
        Double accuracy,
        List<BreakdownView> byLevel,
        List<BreakdownView> byFileType,
        @Schema(nullable = true) String error,
        Instant createdAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt) {
}
