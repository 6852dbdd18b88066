package ai.datasuite.metadata.key;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored key as the API returns it: never its hash, so a listing cannot be replayed as a lookup. */
@Schema(name = "ApiKey")
public record KeyView(
        String id,
        String keyPrefix,
        String userId,
        @Schema(enumeration = {"user", "annotator", "admin"}) String role,
        Instant createdAt) {

    static KeyView of(ApiKey key) {
        return new KeyView(key.getId(), key.getKeyPrefix(), key.getUserId(), key.getRole(), key.getCreatedAt());
    }
}
