package ai.datasuite.inference.comment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A comment as the API shows it: metadata-service's row, plus a {@code notice} (only on create) when a prediction
 * asked for with {@code ?predict=now} could not be made and the comment was stored pending instead.
 */
public record CommentView(
        long num,
        String comments,
        String requestUser,
        Instant requestTime,
        String status,
        String predictionResult,
        Double predictionScore,
        String modelVersion,
        Instant predictedAt,
        String trueLabel,
        String feedback,
        String labelledBy,
        Instant labelledAt,
        int attempts,
        String lastError,
        @JsonInclude(JsonInclude.Include.NON_NULL) String notice) {
}
