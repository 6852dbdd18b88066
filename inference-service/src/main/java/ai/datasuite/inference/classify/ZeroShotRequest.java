package ai.datasuite.inference.classify;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/classify/zero-shot}. A label's description is one text or a list of texts (each is
 * compared with the text to classify and the label takes the best match); without one the label name itself is used.
 */
public record ZeroShotRequest(
        @Schema(description = "Texts to classify, in order", required = true) List<String> texts,
        @Schema(description = "Candidate labels (at least two, unique)", required = true) List<String> labels,
        @Schema(description = "Optional: per label, one description or a list of descriptions (e.g. typical items);"
                + " written in the words of the texts they should match, with the label spelled out",
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)
        Map<String, JsonNode> labelDescriptions,
        @Schema(description = "How many ranked labels per text (default 3)") Integer topK) {
}
