package ai.datasuite.ingest.client;

/** metadata-service could not be reached or failed; the caller answers 503. */
public class MetadataUnavailableException extends RuntimeException {

    public MetadataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
