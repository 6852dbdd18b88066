package ai.datasuite.gateway.evaluation.score;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One position of a list answer. When the lists differ in length, the side that has no element there is null and the
 * position is wrong.
 *
 * @param answer  the answer's element as compared (null when the answer's list is shorter)
 * @param truth   the ground truth's element as compared (null when the truth's list is shorter)
 * @param kind    {@code number} when the truth's element is a number, else {@code string}
 * @param correct whether the two match
 */
@Schema(name = "ElementScore", description = "One position of a list answer")
public record ElementScore(
        @Schema(description = "The answer's element as compared", example = "b") String answer,
        @Schema(description = "The ground truth's element as compared", example = "b") String truth,
        @Schema(description = "number or string, by the truth's element", enumeration = {"number", "string"},
                example = "string") String kind,
        @Schema(description = "Whether they match", example = "true") boolean correct) {
}
