package ai.datasuite.gateway.client;

import java.time.Instant;

/** An API key as metadata-service keeps it: never the key, never its hash. */
public record StoredKey(String id, String keyPrefix, String userId, String role, Instant createdAt) {
}
