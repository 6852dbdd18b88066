package ai.datasuite.gateway.evaluation.score;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The verdict of {@link QuestionScorer#score}: whether the answer counts as right, how it was compared, and both
 * sides as they were compared.
 *
 * @param correct          whether GAIA counts the answer as right
 * @param kind             {@code number}, {@code list} or {@code string}: chosen by the ground truth
 * @param normalizedAnswer the answer as compared: a number as Python prints it ({@code 89706.0}; the cleaned text
 *                         when it is not a number), a string normalized, a list's normalized elements joined by
 *                         {@code ,}
 * @param normalizedTruth  the ground truth the same way
 * @param elements         a list's positions, one by one; empty for the other kinds
 */
@Schema(name = "Score", description = "GAIA's verdict on one answer")
public record Score(
        @Schema(description = "Whether GAIA counts the answer as right", example = "true") boolean correct,
        @Schema(description = "How it was compared, chosen by the ground truth", enumeration = {"number", "list",
                "string"}, example = "number") String kind,
        @Schema(description = "The answer as compared", example = "89706.0") String normalizedAnswer,
        @Schema(description = "The ground truth as compared", example = "89706.0") String normalizedTruth,
        @Schema(description = "Per list position (list kind only; else empty)") List<ElementScore> elements) {

    public static final String NUMBER = "number";
    public static final String LIST = "list";
    public static final String STRING = "string";

    public Score {
        elements = elements == null ? List.of() : List.copyOf(elements);
    }
}
