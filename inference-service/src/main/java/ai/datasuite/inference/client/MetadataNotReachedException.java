package ai.datasuite.inference.client;

/** The request never reached metadata-service (connection refused): safe to repeat even when not idempotent. */
public class MetadataNotReachedException extends MetadataUnavailableException {

    public MetadataNotReachedException(String baseUrl, String reason, Throwable cause) {
        super(baseUrl, reason, true, cause);
    }
}
