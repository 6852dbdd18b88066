package ai.datasuite.metadata.mapping;

/** Outcome of a task import; re-importing the same rows gives {@code unchanged == received}. */
public record ImportSummary(int received, int created, int updated, int unchanged) {
}
