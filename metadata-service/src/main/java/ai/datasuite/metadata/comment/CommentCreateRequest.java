package ai.datasuite.metadata.comment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/**
 * Body of {@code POST /api/v1/comments}. The comment is stored exactly as given (no trimming); the author is decided
 * from the verified caller ({@code Caller#ownerFor}).
 */
@Schema(name = "CommentCreate")
public record CommentCreateRequest(
        @Text(max = 150)
        @Schema(description = "The author: optional, the caller when left out; only an admin or a service may name"
                + " another user. At most 150 characters, no control characters")
        String username,
        @NotBlank @Text(max = 5000, controls = true)
        @Schema(description = "1..5000 characters (code points), not blank; newlines and tabs are kept")
        String comment,
        @Valid @Schema(description = "Optional: a prediction already made; the comment is then status predicted")
        PredictionInput prediction) {
}
