package ai.datasuite.ingest.client;

/** metadata-service could not be reached or failed; the caller answers 503. */
public class MetadataUnavailableException extends RuntimeException {

    private final int status;

    public MetadataUnavailableException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** True when the request certainly changed nothing: it never reached the service, or was refused with 503. */
    public boolean definitelyNotApplied() {
        return status == 503 || MetadataClient.neverReached(this);
    }
}
