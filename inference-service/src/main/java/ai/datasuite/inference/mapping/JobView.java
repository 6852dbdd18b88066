package ai.datasuite.inference.mapping;

import java.time.Instant;

/**
 * A batch job as {@code /api/v1/jobs} reports it; the counters move after every batch while it runs.
 * {@code trigger} is {@code manual} (POST /api/v1/jobs/predict) or {@code scheduled}.
 */
public record JobView(
        String id,
        String kind,
        String trigger,
        String status,
        String worker,
        int claimed,
        int predicted,
        int failed,
        int rejected,
        Instant startedAt,
        Instant finishedAt,
        String message) {
}
