package ai.datasuite.gateway.key;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new key: the only answer that ever shows the key itself. */
@Schema(name = "CreatedKey", description = "A new API key. 'key' is shown this once; only its hash is stored.")
public record CreatedKey(
        @Schema(examples = "5b0e6f3c-2a47-4d8e-9c1f-6a2b3c4d5e6f") String id,
        @Schema(description = "The key: send it as 'X-Api-Key: <key>'. Shown once; it cannot be read again.",
                examples = "ads_q3J9xW2kR7vL0pT5nY8cB1mZ4hG6dF2sA9eU3oI7wQx") String key,
        @Schema(examples = "alice") String userId,
        @Schema(enumeration = {"user", "annotator", "admin"}, examples = "user") String role,
        @Schema(examples = "2026-11-25T10:15:30.123456Z") Instant createdAt) {
}
