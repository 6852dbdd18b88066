package ai.datasuite.metadata.finetune;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A fine-tune job as the API returns it. */
@Schema(name = "FineTuneJob")
public record FineTuneJobView(
        String id,
        String owner,
        @Schema(enumeration = {"queued", "building", "uploading", "running", "succeeded", "failed", "exported",
                "cancelled"})
        String status,
        @Schema(description = "0..1")
        double progress,
        Parameters parameters,
        @Schema(nullable = true) String baseModel,
        @Schema(nullable = true) String trainingFileId,
        @Schema(nullable = true) Integer examples,
        @Schema(nullable = true) String providerFileId,
        @Schema(nullable = true) String providerJobId,
        @Schema(nullable = true) String fineTunedModel,
        @Schema(nullable = true) String message,
        Instant createdAt,
        Instant updatedAt) {

    /** The training parameters the user chose. */
    @Schema(name = "FineTuneParameters")
    public record Parameters(int epochs, double learningRate) {
    }

    static FineTuneJobView of(FineTuneJob j) {
        return new FineTuneJobView(j.getId(), j.getOwnerId(), j.getStatus(), j.getProgress(),
                new Parameters(j.getEpochs(), j.getLearningRate()), j.getBaseModel(), j.getTrainingFileId(),
                j.getExamples(), j.getProviderFileId(), j.getProviderJobId(), j.getFineTunedModel(), j.getMessage(),
                j.getCreatedAt(), j.getUpdatedAt());
    }
}
