package ai.datasuite.gateway.finetune;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.gateway.client.MetadataFineTuneClient.StoredJob;
import ai.datasuite.gateway.finetune.FineTuneRequest.FineTuneParameters;

/** A fine-tune job as its owner sees it. */
@Schema(name = "FineTuneJob")
public record FineTuneJobView(
        String jobId,
        String owner,
        @Schema(description = "queued, building, uploading, running, then succeeded, failed, exported (no LLM"
                + " configured: the training file is ready) or cancelled") String status,
        @Schema(description = "0..1") Double progress,
        FineTuneParameters parameters,
        @Schema(description = "The model fine-tuned") String baseModel,
        @Schema(description = "ingest-service's file holding the JSONL training set (GET /api/v1/files/{id})")
        String trainingFileId,
        @Schema(description = "Training examples in the file") Integer examples,
        @Schema(description = "The fine-tuned model's id once succeeded; the owner's chats then use it") String model,
        @Schema(description = "What happened, or why it failed and what to do") String message,
        Instant createdAt,
        Instant updatedAt) {

    static FineTuneJobView of(StoredJob job) {
        FineTuneParameters parameters = job.parameters() == null ? null
                : new FineTuneParameters(job.parameters().epochs(), job.parameters().learningRate());
        return new FineTuneJobView(job.id(), job.owner(), job.status(), job.progress(), parameters,
                job.baseModel(), job.trainingFileId(), job.examples(), job.fineTunedModel(), job.message(),
                job.createdAt(), job.updatedAt());
    }
}
