package ai.datasuite.inference.job;

import java.time.Instant;
import java.util.Map;

/**
 * A batch job as {@code /api/v1/jobs} reports it; the counters move after every batch while it runs.
 * {@code trigger} is {@code manual} (POST /api/v1/jobs/predict, or a retrain) or {@code scheduled}; {@code owner} is
 * who started it (this service for scheduled runs), and only they and admins see it. While a job runs,
 * {@code message} says what it is doing; {@code result} holds what a finished retrain measured (null otherwise).
 */
public record JobView(
        String id,
        String kind,
        String trigger,
        String owner,
        String status,
        String worker,
        int claimed,
        int predicted,
        int failed,
        int rejected,
        Instant startedAt,
        Instant finishedAt,
        String message,
        Map<String, Object> result) {
}
