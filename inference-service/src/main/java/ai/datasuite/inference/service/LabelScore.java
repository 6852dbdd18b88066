package ai.datasuite.inference.service;

/** One label and its softmax probability. */
public record LabelScore(String label, double score) {
}
