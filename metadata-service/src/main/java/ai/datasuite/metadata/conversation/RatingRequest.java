package ai.datasuite.metadata.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/conversations/{id}/messages/{message_id}/rating}. */
@Schema(name = "Rating")
public record RatingRequest(
        @NotNull @Min(-1) @Max(1) @Schema(description = "-1 (bad), 0 (neutral) or 1 (good)", minimum = "-1",
                maximum = "1")
        Integer rating) {
}
