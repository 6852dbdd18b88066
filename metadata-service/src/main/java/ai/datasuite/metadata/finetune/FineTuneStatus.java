package ai.datasuite.metadata.finetune;

import java.util.List;

/** The states of a fine-tune job, as stored and as the API spells them. */
public final class FineTuneStatus {

    public static final String QUEUED = "queued";
    public static final String SUCCEEDED = "succeeded";
    public static final List<String> ALL =
            List.of(QUEUED, "building", "uploading", "running", SUCCEEDED, "failed", "exported", "cancelled");
    /** For {@code @Pattern}: one of {@link #ALL}. */
    public static final String PATTERN = "queued|building|uploading|running|succeeded|failed|exported|cancelled";
    public static final String MESSAGE =
            "must be one of queued, building, uploading, running, succeeded, failed, exported, cancelled";

    private FineTuneStatus() {
    }
}
