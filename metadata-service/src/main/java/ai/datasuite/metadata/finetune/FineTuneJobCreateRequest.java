package ai.datasuite.metadata.finetune;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;
import ai.datasuite.metadata.file.FileCreateRequest;

/**
 * Body of {@code POST /api/v1/fine-tune-jobs}. {@code epochs} is read as a decimal so that 5.5 is refused rather than
 * silently truncated to 5 (Jackson's default for an int); its upper bound is {@code metadata.fine-tune.max-epochs}.
 */
@Schema(name = "FineTuneJobCreate")
public record FineTuneJobCreateRequest(
        @NotNull @Digits(integer = 9, fraction = 0, message = "must be an integer") @DecimalMin("1")
        @Schema(type = SchemaType.INTEGER, minimum = "1",
                description = "Training epochs, 1..metadata.fine-tune.max-epochs (50)")
        BigDecimal epochs,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        @Schema(description = "Learning rate (the provider's learning_rate_multiplier), > 0 and <= 1",
                minimum = "0", exclusiveMinimum = true, maximum = "1")
        Double learningRate,
        @Text(max = 200) @Schema(description = "Optional base model to tune; the gateway's default when left out")
        String baseModel,
        @Pattern(regexp = FileCreateRequest.OWNER_PATTERN, message = FileCreateRequest.OWNER_MESSAGE)
        @Schema(description = "Optional owner: the caller when left out; only an admin or a service may name another"
                + " user")
        String owner) {
}
