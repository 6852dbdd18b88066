package ai.datasuite.inference.comment;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/comments/{num}/label}: an annotator's (or admin's) verdict on a comment. */
@Schema(name = "LabelRequest", example = "{\"true_label\": \"joy\", \"feedback\": \"clearly happy\"}")
public record LabelRequest(
        @Schema(description = "One of anger, disgust, fear, joy, neutral, sadness, surprise")
        @NotNull
        String trueLabel,
        @Schema(description = "Free text, optional")
        String feedback,
        @Schema(description = "Optional: the caller, who is recorded as the labeller anyway; naming anyone else is 403",
                examples = "carol")
        String labelledBy) {
}
