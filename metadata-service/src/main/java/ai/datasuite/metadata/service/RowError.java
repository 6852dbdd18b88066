package ai.datasuite.metadata.service;

/** One problem in an imported file: 1-based row (JSONL line or CSV data row), the field, what is wrong. */
public record RowError(int row, String field, String message) {
}
