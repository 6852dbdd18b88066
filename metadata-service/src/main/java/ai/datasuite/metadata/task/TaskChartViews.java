package ai.datasuite.metadata.task;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON of the task charts (the same data their PNGs draw). */
public final class TaskChartViews {

    private TaskChartViews() {
    }

    /** One bar: a category and how many tasks fall in it. */
    @Schema(name = "TaskChartCount")
    public record Count(String key, long count) {
    }

    /** Tasks per file type: the lower-case extension of file_name, {@code none} for tasks without a file. */
    @Schema(name = "TaskFileTypesChart")
    public record FileTypes(
            long totalTasks,
            @Schema(description = "Most tasks first, then by name") List<Count> fileTypes) {
    }

    /** What the annotators recorded: how many steps and tools tasks took, and which tools they used most. */
    @Schema(name = "TaskAnnotationsChart")
    public record Annotations(
            long totalTasks,
            @Schema(description = "Tasks per number_of_steps, ascending; 'unknown' for tasks without it")
            List<Count> numberOfSteps,
            @Schema(description = "Tasks per number_of_tools, ascending; 'unknown' for tasks without it")
            List<Count> numberOfTools,
            @Schema(description = "Tasks whose Tools text names each tool (lower case, numbering dropped), most used"
                    + " first; at most metadata.tasks.chart-top-tools (20)")
            List<Count> tools,
            @Schema(description = "Distinct tools named in all tasks") int distinctTools) {
    }
}
