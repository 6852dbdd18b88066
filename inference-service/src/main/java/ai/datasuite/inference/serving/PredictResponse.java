package ai.datasuite.inference.serving;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Predictions in the order of the texts, all from one version of one model. */
public record PredictResponse(String model, String modelVersion, List<PredictionView> predictions) {

    /** The top label and its probability; {@code ranked} (best first) only when {@code top_k} was asked. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record PredictionView(String label, double score, List<LabelScore> ranked) {
    }
}
