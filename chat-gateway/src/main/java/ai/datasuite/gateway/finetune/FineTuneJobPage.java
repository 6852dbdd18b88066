package ai.datasuite.gateway.finetune;

import java.util.List;

/** One page of the caller's fine-tune jobs, newest first. */
public record FineTuneJobPage(List<FineTuneJobView> items, int page, int size, long total) {
}
