package ai.datasuite.inference.serving;

import java.util.List;

/** Body of {@code POST /api/v1/predict}: the texts, how many ranked labels to return per text, which model. */
public record PredictRequest(List<String> texts, Integer topK, String model) {
}
