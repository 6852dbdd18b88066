package ai.datasuite.metadata.comment;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored comment as the API returns it (the lease bookkeeping stays internal). */
@Schema(name = "Comment")
public record CommentView(
        long num,
        String comments,
        String requestUser,
        Instant requestTime,
        @Schema(enumeration = {"pending", "predicted", "failed"}) String status,
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
