package ai.datasuite.inference.comment;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/comments/{num}/label}: an admin's verdict on a comment. */
@Schema(name = "LabelRequest", example = "{\"true_label\": \"joy\", \"feedback\": \"clearly happy\"}")
public record LabelRequest(
        @Schema(description = "One of anger, disgust, fear, joy, neutral, sadness, surprise")
        @NotNull
        String trueLabel,
        @Schema(description = "Free text, optional")
        String feedback) {
}
