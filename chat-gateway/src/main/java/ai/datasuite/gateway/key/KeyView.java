package ai.datasuite.gateway.key;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.gateway.client.StoredKey;

/** A key as listed: its first characters to recognise it, never the key or its hash. */
@Schema(name = "Key", description = "An API key as listed: its first characters only, never the secret.")
public record KeyView(
        @Schema(examples = "5b0e6f3c-2a47-4d8e-9c1f-6a2b3c4d5e6f") String id,
        @Schema(description = "The key's first 12 characters", examples = "ads_q3J9xW2k") String keyPrefix,
        @Schema(examples = "alice") String userId,
        @Schema(enumeration = {"user", "annotator", "admin"}, examples = "user") String role,
        @Schema(examples = "2026-11-25T10:15:30.123456Z") Instant createdAt) {

    static KeyView of(StoredKey key) {
        return new KeyView(key.id(), key.keyPrefix(), key.userId(), key.role(), key.createdAt());
    }
}
