package ai.datasuite.metadata.task;

/**
 * Filters of the task list; null means "any". {@code hasFile}: the task names a file_name;
 * {@code matched}: at least one file is linked to it.
 */
public record TaskQuery(Integer level, Boolean hasFile, Boolean matched) {
}
