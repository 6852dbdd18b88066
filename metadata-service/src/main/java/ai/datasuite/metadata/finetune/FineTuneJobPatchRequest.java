package ai.datasuite.metadata.finetune;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;
import ai.datasuite.metadata.file.FileCreateRequest;

/** Body of {@code PATCH /api/v1/fine-tune-jobs/{id}}: the fields given change, the fields left out stay. */
@Schema(name = "FineTuneJobPatch")
public record FineTuneJobPatchRequest(
        @Pattern(regexp = FineTuneStatus.PATTERN, message = FineTuneStatus.MESSAGE)
        @Schema(enumeration = {"queued", "building", "uploading", "running", "succeeded", "failed", "exported",
                "cancelled"})
        String status,
        @DecimalMin("0") @DecimalMax("1") @Schema(description = "0..1", minimum = "0", maximum = "1")
        Double progress,
        @Pattern(regexp = FileCreateRequest.UUID_PATTERN, message = "must be a UUID")
        @Schema(description = "ingest-service's id of the stored training JSONL")
        String trainingFileId,
        @Min(0) @Schema(description = "Training examples in the file, >= 0")
        Integer examples,
        @Text(max = 200) @Schema(description = "The provider's id of the uploaded training file")
        String providerFileId,
        @Text(max = 200) @Schema(description = "The provider's id of the job")
        String providerJobId,
        @Text(max = 200) @Schema(description = "The model the job produced")
        String fineTunedModel,
        @Text(max = 1000, controls = true) @Schema(description = "What happened, or why the job failed; at most 1000"
                + " characters")
        String message) {
}
