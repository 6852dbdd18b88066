package ai.datasuite.inference.serving;

import java.util.List;

/**
 * The classification of one text: the top label and its probability, the top-k ranked labels (empty when not asked),
 * and the version of the model that produced it.
 */
public record Prediction(String label, double score, List<LabelScore> ranked, String modelVersion) {

    /**
     * The version stored with this prediction: metadata-service requires 1..100 characters, so a model that reports
     * none is recorded under its id rather than losing the prediction to a 400.
     */
    public String recordedVersion(String modelId) {
        String version = modelVersion == null || modelVersion.isBlank() ? modelId : modelVersion;
        return version.length() <= 100 ? version : version.substring(0, 100);
    }
}
