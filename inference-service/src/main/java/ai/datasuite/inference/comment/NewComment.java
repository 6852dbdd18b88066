package ai.datasuite.inference.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/comments}; the limits are metadata-service's, checked here first (the lengths, counted
 * in code points as metadata-service counts them, by {@code CommentService}). The author is the caller: a username
 * is only needed when an admin posts for someone else.
 */
@Schema(name = "NewComment", example = "{\"comment\": \"I love this new feature!\"}")
public record NewComment(
        @Schema(description = "Who wrote the comment: left out, the caller; another user's name only for an admin "
                + "(403 otherwise)", maxLength = 150, examples = "alice")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String username,
        @Schema(description = "The text to classify; stored exactly as given", maxLength = 5000)
        @NotBlank
        String comment) {
}
