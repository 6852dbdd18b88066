package ai.datasuite.gateway.finetune;

/** The answer to {@code POST /api/fine-tune}: the job to follow at {@code /api/fine-tune/{job_id}}. */
public record FineTuneAccepted(String jobId, String status) {
}
