package ai.datasuite.inference.client;

import java.util.Map;

import ai.datasuite.problem.ProblemException;

/**
 * metadata-service could not be reached, failed (5xx), timed out or its breaker is open: the caller gets 503
 * {@code metadata-unavailable} saying what to start. {@link #neverReached()} is true when the request certainly did
 * not arrive (connection refused), which is the only case where a non-idempotent call may be repeated.
 */
public class MetadataUnavailableException extends ProblemException {

    public static final String SLUG = "metadata-unavailable";

    private final boolean neverReached;

    public MetadataUnavailableException(String baseUrl, String reason, boolean neverReached, Throwable cause) {
        super(503, SLUG, "metadata-service unavailable",
                "metadata-service at " + baseUrl + " is unavailable (" + reason + "); comments are stored there. "
                        + "Start it (./suite start, or docker compose up -d metadata-service) and retry.",
                Map.of("retry_after_seconds", 5));
        this.neverReached = neverReached;
        if (cause != null) {
            initCause(cause);
        }
    }

    public boolean neverReached() {
        return neverReached;
    }
}
