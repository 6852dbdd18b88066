package ai.datasuite.metadata.task;

/** One problem in an imported file: 1-based row (JSONL line or CSV data row), the field, what is wrong. */
record RowError(int row, String field, String message) {
}
