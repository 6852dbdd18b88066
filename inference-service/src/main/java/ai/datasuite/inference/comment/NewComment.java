package ai.datasuite.inference.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/comments}; the limits are metadata-service's, checked here first (the lengths, counted
 * in code points as metadata-service counts them, by {@code CommentService}).
 */
@Schema(name = "NewComment", example = "{\"username\": \"alice\", \"comment\": \"I love this new feature!\"}")
public record NewComment(
        @Schema(description = "Who wrote the comment", maxLength = 150)
        @NotBlank @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String username,
        @Schema(description = "The text to classify; stored exactly as given", maxLength = 5000)
        @NotBlank
        String comment) {
}
