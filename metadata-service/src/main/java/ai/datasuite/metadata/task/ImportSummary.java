package ai.datasuite.metadata.task;

/** Outcome of a task import; re-importing the same rows gives {@code unchanged == received}. */
public record ImportSummary(int received, int created, int updated, int unchanged) {
}
