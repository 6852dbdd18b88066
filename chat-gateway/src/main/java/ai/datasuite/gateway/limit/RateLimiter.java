package ai.datasuite.gateway.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import ai.datasuite.gateway.config.LimitsConfig;
import ai.datasuite.problem.ProblemException;

/**
 * A token bucket per API key (Bucket4j): {@code gateway.limits.rate.capacity} requests at once, refilled with
 * {@code refill-tokens} every {@code refill-period}. An empty bucket answers 429 with {@code Retry-After}.
 */
@Singleton
public class RateLimiter {

    public static final String SLUG = "rate-limited";

    private final LimitsConfig.Rate config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(LimitsConfig config) {
        this.config = config.rate();
    }

    /** Takes one request from the key's bucket, or throws the 429 problem saying when to retry. */
    public void consume(String keyId) {
        ConsumptionProbe probe = bucket(keyId).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new ProblemException(429, SLUG, "Too many requests",
                    "This API key made more than " + config.capacity() + " requests in a burst (" + config.refillTokens()
                            + " more are allowed every " + config.refillPeriod().toMillis() + " ms). Retry in "
                            + seconds + " s.",
                    Map.of("retry_after_seconds", seconds))
                    .withHeader("Retry-After", String.valueOf(seconds));
        }
    }

    private Bucket bucket(String keyId) {
        Bucket bucket = buckets.get(keyId);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= config.maxTrackedKeys()) {
            buckets.clear(); // a bound, not an LRU: forgetting only gives keys a full bucket again
        }
        return buckets.computeIfAbsent(keyId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(config.capacity())
                        .refillGreedy(config.refillTokens(), config.refillPeriod()))
                .build());
    }
}
