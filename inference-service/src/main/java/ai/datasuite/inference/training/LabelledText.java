package ai.datasuite.inference.training;

/** A text with one of the seven emotion labels (e.g. a labelled comment). */
record LabelledText(String text, String label) {
}
