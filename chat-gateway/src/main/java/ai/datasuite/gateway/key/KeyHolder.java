package ai.datasuite.gateway.key;

/** Who a valid API key belongs to. {@code keyId} names the key (rate limits, revocation), never the secret. */
public record KeyHolder(String keyId, String userId, String role) {

    /** The attribute of a REST caller's {@code SecurityIdentity} that holds {@link #keyId()}. */
    public static final String IDENTITY_ATTRIBUTE = "gateway.key-id";
}
