package ai.datasuite.metadata.product;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** Predicted categories of some products of one catalog, from one categorization (mode and model version). */
@Schema(name = "ProductPredictions")
public record PredictionsRequest(@NotBlank @Text(max = 32) String mode,
                                 @Text(max = 255) String modelVersion,
                                 @NotNull @Size(min = 1) List<@Valid @NotNull Prediction> predictions) {

    /** One product's category and score (0..1, optional). */
    @Schema(name = "ProductPredictionWrite")
    public record Prediction(@NotNull Long productId, @NotBlank @Text(max = 255) String category,
                             @DecimalMin("0") @DecimalMax("1") Double score) {
    }
}
