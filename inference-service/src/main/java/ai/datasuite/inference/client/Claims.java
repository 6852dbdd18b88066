package ai.datasuite.inference.client;

import java.time.Instant;
import java.util.List;

/** Body and answer of metadata-service's {@code POST /api/v1/comments/claims}. */
public final class Claims {

    private Claims() {
    }

    public record Request(String worker, int limit, int leaseSeconds, int maxAttempts) {
    }

    public record Answer(Instant leaseUntil, List<Claimed> claimed) {
    }

    /** A pending comment leased to the worker until {@link Answer#leaseUntil()}. */
    public record Claimed(long num, String comments, int attempts) {
    }
}
