package ai.datasuite.problem.remote;

import java.util.Map;

import org.jboss.logging.Logger;

import ai.datasuite.problem.ProblemException;

/**
 * A service this one depends on could not be reached, failed (5xx), timed out or its breaker is open: the caller gets
 * 503 (with {@code Retry-After}) saying what to start. {@link #neverReached()} is true when the request certainly did
 * not arrive (connection refused), the only case where a non-idempotent call may be repeated.
 */
public class RemoteUnavailableException extends ProblemException {

    public static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(RemoteUnavailableException.class);

    private final boolean neverReached;
    private final int remoteStatus;

    public RemoteUnavailableException(RemoteCall.Dependency dependency, String reason, int remoteStatus,
                                      boolean neverReached, Throwable cause) {
        super(503, dependency.unavailableSlug(), dependency.service() + " unavailable",
                dependency.service() + " is unavailable (" + reason + "). Start it"
                        + " (./suite start, or docker compose up -d " + dependency.service() + ") and retry.",
                Map.of("retry_after_seconds", RETRY_AFTER_SECONDS));
        // Where it was called is the operator's business, not the caller's: the address goes to the log only.
        LOG.warnf("%s at %s is unavailable (%s)%s", dependency.service(), dependency.baseUrl(), reason,
                cause == null ? "" : ": " + cause);
        this.neverReached = neverReached;
        this.remoteStatus = remoteStatus;
        withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        if (cause != null) {
            initCause(cause);
        }
    }

    public boolean neverReached() {
        return neverReached;
    }

    /** The status the dependency answered (5xx), or 0 when it gave no answer. */
    public int remoteStatus() {
        return remoteStatus;
    }

    /** True when the request certainly changed nothing: it never arrived, or was refused with 503. */
    public boolean definitelyNotApplied() {
        return neverReached || remoteStatus == 503;
    }
}
