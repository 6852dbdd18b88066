package ai.datasuite.inference.service;

import java.util.List;

/**
 * The classification of one text: the top label and its probability, the top-k ranked labels (empty when not asked),
 * and the version of the model that produced it.
 */
public record Prediction(String label, double score, List<LabelScore> ranked, String modelVersion) {
}
