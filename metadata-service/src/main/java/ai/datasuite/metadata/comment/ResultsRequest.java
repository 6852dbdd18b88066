package ai.datasuite.metadata.comment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** Body of {@code POST /api/v1/comments/results}: what a worker did with the rows it claimed. */
@Schema(name = "CommentResults")
public record ResultsRequest(
        @NotBlank @Text(max = 100) String worker,
        @Size(max = 500) List<@Valid @NotNull Prediction> predictions,
        @Size(max = 500) List<@Valid @NotNull Failure> failures) {

    @Schema(name = "CommentResultPrediction")
    public record Prediction(
            @NotNull Long num,
            @NotNull @Pattern(regexp = Comment.LABEL_PATTERN, message = Comment.LABEL_MESSAGE)
            @Schema(enumeration = {"anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"})
            String label,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double score,
            @NotBlank @Text(max = 100) String modelVersion) {
    }

    @Schema(name = "CommentResultFailure")
    public record Failure(
            @NotNull Long num,
            @Schema(description = "Why it failed; stored truncated to 500 characters") String error) {
    }

    public List<Prediction> predictionsOrEmpty() {
        return predictions == null ? List.of() : predictions;
    }

    public List<Failure> failuresOrEmpty() {
        return failures == null ? List.of() : failures;
    }
}
