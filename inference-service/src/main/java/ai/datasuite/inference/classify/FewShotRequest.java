package ai.datasuite.inference.classify;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/classify/few-shot}: the texts and the labelled examples the head is fitted on. */
public record FewShotRequest(
        @Schema(description = "Texts to classify, in order", required = true) List<String> texts,
        @Schema(description = "Labelled examples; their distinct labels (at least two) are the labels", required = true)
        List<Example> examples,
        @Schema(description = "How many ranked labels per text (default 3)") Integer topK) {

    /** One labelled example. */
    public record Example(String text, String label) {
    }
}
