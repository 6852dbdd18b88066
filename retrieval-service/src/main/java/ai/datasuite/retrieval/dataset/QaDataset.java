package ai.datasuite.retrieval.dataset;

import java.util.List;

/** A validated Q&A dataset: rows in file order and its distinct contexts (each indexed once, first occurrence first). */
public record QaDataset(String id, String name, List<QaRow> rows, List<String> contexts) {
}
