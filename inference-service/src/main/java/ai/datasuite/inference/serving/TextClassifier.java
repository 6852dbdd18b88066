package ai.datasuite.inference.serving;

import java.util.List;

import ai.datasuite.problem.ProblemException;

/** Classifies texts with a registered model; the comment workflow depends on this, not on ONNX details. */
public interface TextClassifier {

    /**
     * Classifies {@code texts} with model {@code modelId}, one prediction per text, in order; {@code topK} of 0 leaves
     * {@link Prediction#ranked()} empty. Throws {@link ProblemException} 404 for an unknown model and 409 when the
     * model is unloaded.
     */
    List<Prediction> classify(String modelId, List<String> texts, int topK);
}
