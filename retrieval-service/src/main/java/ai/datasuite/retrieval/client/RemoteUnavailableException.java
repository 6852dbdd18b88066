package ai.datasuite.retrieval.client;

import java.util.Map;

import ai.datasuite.retrieval.service.ProblemException;

/**
 * A service this one depends on (ingest-service, metadata-service) could not be reached, failed (5xx), timed out or
 * its breaker is open: the caller gets 503 {@code <service>-unavailable} saying what to start.
 * {@link #neverReached()} is true when the request certainly did not arrive (connection refused).
 */
public class RemoteUnavailableException extends ProblemException {

    private final boolean neverReached;

    public RemoteUnavailableException(String service, String baseUrl, String reason, boolean neverReached,
                                      Throwable cause) {
        super(503, service + "-unavailable", service + " unavailable",
                service + " at " + baseUrl + " is unavailable (" + reason + "). Start it (./suite start, or"
                        + " docker compose up -d " + service + ") and retry.",
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
