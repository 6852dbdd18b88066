package ai.datasuite.gateway.client;

/** Body of metadata-service's {@code POST /api/v1/keys}: the key itself never leaves the gateway, only its hash. */
public record NewStoredKey(String keyHash, String keyPrefix, String userId, String role) {
}
