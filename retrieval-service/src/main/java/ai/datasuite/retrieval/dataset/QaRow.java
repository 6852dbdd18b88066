package ai.datasuite.retrieval.dataset;

/**
 * One row of a Q&A dataset: its 1-based data row number in the CSV (the header is row 0), the texts, and the index of
 * its context in {@link QaDataset#contexts()} (rows repeating the same context text share one index).
 */
public record QaRow(int row, String context, String question, String answer, int contextIndex) {
}
