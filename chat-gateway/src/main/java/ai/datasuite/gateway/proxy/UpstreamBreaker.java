package ai.datasuite.gateway.proxy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The circuit breaker of one service. Failures are the gateway's own failures to get an answer (refused or broken
 * connections, timeouts), never the service's answers, which pass unchanged. After {@code failureThreshold}
 * consecutive failures it opens: requests get 503 at once for {@code openDuration}; then one trial request passes
 * and its outcome closes or reopens it.
 */
final class UpstreamBreaker {

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier clock;

    private int consecutiveFailures;
    private boolean open;
    private long openedAt;
    private long trialStartedAt;
    private boolean trialInFlight;

    UpstreamBreaker(int failureThreshold, Duration openDuration, LongSupplier clock) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openNanos = openDuration.toNanos();
        this.clock = clock;
    }

    /**
     * 0 when the request may go ahead; else how many milliseconds the breaker stays open. A trial that never
     * reports (its client went away) stops blocking others after another open duration.
     */
    synchronized long refusalMillis() {
        if (!open) {
            return 0;
        }
        long now = clock.getAsLong();
        long openFor = openedAt + openNanos - now;
        if (openFor > 0) {
            return Math.max(1, openFor / 1_000_000);
        }
        if (trialInFlight && now - trialStartedAt < openNanos) {
            return Math.max(1, (trialStartedAt + openNanos - now) / 1_000_000);
        }
        trialInFlight = true;
        trialStartedAt = now;
        return 0;
    }

    synchronized void success() {
        consecutiveFailures = 0;
        open = false;
        trialInFlight = false;
    }

    synchronized void failure() {
        consecutiveFailures++;
        if (trialInFlight || consecutiveFailures >= failureThreshold) {
            open = true;
            openedAt = clock.getAsLong();
            trialInFlight = false;
        }
    }

    /** Neither: the caller went away, or the body was refused. Lets the next trial through. */
    synchronized void neutral() {
        trialInFlight = false;
    }

    synchronized boolean isOpen() {
        return open;
    }
}
