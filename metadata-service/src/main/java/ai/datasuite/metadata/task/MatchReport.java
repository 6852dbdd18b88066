package ai.datasuite.metadata.task;

import java.util.List;

/** Outcome of matching tasks to stored files. */
public record MatchReport(
        List<Match> matched,
        List<TaskMissingFile> tasksMissingFile,
        List<FileWithoutTask> filesWithoutTask,
        Counts counts) {

    public record Match(String taskId, String fileId, String originalName, String matchedBy) {
    }

    public record TaskMissingFile(String taskId, String fileName) {
    }

    public record FileWithoutTask(String fileId, String originalName) {
    }

    /** {@code new_links} counts the links this call added; the other counts are list sizes. */
    public record Counts(int tasks, int files, int matched, int newLinks, int tasksMissingFile,
                         int filesWithoutTask) {
    }
}
