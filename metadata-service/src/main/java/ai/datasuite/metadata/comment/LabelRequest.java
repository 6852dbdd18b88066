package ai.datasuite.metadata.comment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** Body of {@code PUT /api/v1/comments/{num}/label}: an annotator's true label. */
@Schema(name = "CommentLabel")
public record LabelRequest(
        @NotNull @Pattern(regexp = Comment.LABEL_PATTERN, message = Comment.LABEL_MESSAGE)
        @Schema(enumeration = {"anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"}) String trueLabel,
        @Text(max = 2000, controls = true) @Schema(description = "Optional, at most 2000 characters") String feedback,
        @Text(max = 150)
        @Schema(description = "Optional; the label is always recorded as the caller's. If given it must be the caller"
                + " (else 403)")
        String labelledBy) {
}
