package ai.datasuite.gateway.key;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/keys}: whom the new key identifies, and with which role. */
@Schema(name = "KeyCreate", description = "Whom the new key identifies, and with which role.")
public record NewKeyRequest(
        @Schema(description = "The user the key acts as (letters, digits, . _ @ -; up to 64 characters)",
                examples = "alice", required = true)
        @NotBlank @Pattern(regexp = USER_ID, message = "must start with a letter or digit and hold up to 64 letters,"
                + " digits, '.', '_', '@' or '-'") String userId,
        @Schema(description = "The key's role", enumeration = {"user", "annotator", "admin"}, examples = "user",
                required = true)
        @NotNull @Pattern(regexp = "user|annotator|admin", message = "must be one of user, annotator, admin")
        String role) {

    /** The user ids metadata-service accepts for a key. */
    public static final String USER_ID = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";
}
