package ai.datasuite.metadata.comment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** A prediction made at once by inference-service ({@code ?predict=now}), stored with the new comment. */
@Schema(name = "CommentPrediction")
public record PredictionInput(
        @NotNull @Pattern(regexp = Comment.LABEL_PATTERN, message = Comment.LABEL_MESSAGE)
        @Schema(enumeration = {"anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"}) String label,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double score,
        @NotBlank @Text(max = 100) String modelVersion) {
}
