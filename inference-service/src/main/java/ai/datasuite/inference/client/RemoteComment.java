package ai.datasuite.inference.client;

import java.time.Instant;

/** A comment row as metadata-service returns it (inference keeps its own copy of the remote shape). */
public record RemoteComment(
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
        String lastError) {
}
