package ai.datasuite.gateway.finetune;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/fine-tune}: whose material to train on and how. Ranges are checked by {@link FineTuneService}. */
@Schema(description = "A fine-tune request (the seed's shape)")
public record FineTuneRequest(
        @Schema(description = "Whose material to train on; left out: the caller. A user may name only themself.",
                example = "alice") String userId,
        @Schema(required = true) FineTuneParameters parameters) {

    /** Training parameters; numbers as JSON numbers (epochs a whole number). */
    @Schema(description = "Training parameters")
    public record FineTuneParameters(
            @Schema(description = "Passes over the training set, a whole number 1..gateway.fine-tune.max-epochs (50)",
                    example = "5", required = true, type = SchemaType.INTEGER)
            Number epochs,
            @Schema(description = "Above 0 and at most gateway.fine-tune.max-learning-rate (1). Sent to OpenAI as the"
                    + " learning_rate_multiplier (a factor on its default rate).", example = "0.001", required = true)
            Double learningRate) {
    }
}
