package ai.datasuite.inference.serving;

/** One label and its softmax probability. */
public record LabelScore(String label, double score) {
}
