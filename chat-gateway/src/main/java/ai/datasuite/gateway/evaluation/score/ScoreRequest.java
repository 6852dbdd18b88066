package ai.datasuite.gateway.evaluation.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import ai.datasuite.problem.ProblemException;

/**
 * The body of {@code POST /api/v1/evaluations/score}. Read from the JSON tree rather than bound, so that a number or
 * a list where a string belongs is refused by name instead of being turned into text.
 */
@Schema(name = "ScoreRequest", description = "An answer and the ground truth to score it against, as GAIA does")
public record ScoreRequest(
        @Schema(description = "The model's final answer; null or left out is scored as the text \"None\", as GAIA"
                + " does", nullable = true, example = "$89,706") String modelAnswer,
        @Schema(description = "The ground truth (a task's Final answer)", required = true, example = "89706")
        String groundTruth) {

    static final String MAX_CHARS_KEY = "gateway.evaluations.score.max-chars";

    /** The request in {@code body}, or a 400 problem naming every field that is wrong. */
    public static ScoreRequest read(JsonNode body, int maxChars) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.validation("The body must be a JSON object with ground_truth and model_answer");
        }
        if (!body.isObject()) {
            throw ProblemException.validation("The body must be a JSON object with ground_truth and model_answer,"
                    + " not " + describe(body));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        String answer = text(body, "model_answer", false, maxChars, errors);
        String truth = text(body, "ground_truth", true, maxChars, errors);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            throw ProblemException.validation(detail, Map.of("errors", errors));
        }
        return new ScoreRequest(answer, truth);
    }

    private static String text(JsonNode body, String field, boolean required, int maxChars,
                               List<Map<String, Object>> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(error(field, "is required (a string; it may be empty)"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(error(field, "must be a string, not " + describe(value)
                    + (value.isNumber() ? " (write it in quotes)" : "")));
            return null;
        }
        String text = value.textValue();
        if (text.length() > maxChars) {
            errors.add(error(field, "is at most " + maxChars + " characters (" + MAX_CHARS_KEY + "); it has "
                    + text.length()));
            return null;
        }
        return text;
    }

    private static Map<String, Object> error(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
