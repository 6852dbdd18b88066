package ai.datasuite.metadata.key;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/keys}: what chat-gateway keeps of a key it has just generated (the key itself is shown
 * once to its owner and stored nowhere).
 */
@Schema(name = "KeyCreate")
public record KeyCreateRequest(
        @NotNull @Pattern(regexp = HASH_PATTERN, message = HASH_MESSAGE)
        @Schema(description = "Hex SHA-256 of the key (64 characters; stored in lower case)")
        String keyHash,
        @NotNull @Pattern(regexp = "[\\x21-\\x7E]{1,12}", message = "must be 1-12 visible ASCII characters")
        @Schema(description = "The key's first characters, to recognise it in a listing")
        String keyPrefix,
        @NotNull @Pattern(regexp = USER_PATTERN, message = USER_MESSAGE)
        @Schema(description = "The user the key stands for")
        String userId,
        @NotNull @Pattern(regexp = "user|annotator|admin", message = "must be one of user, annotator, admin")
        @Schema(enumeration = {"user", "annotator", "admin"},
                description = "The role the key grants (service identities are never keys)")
        String role) {

    /** A hex SHA-256, in either case. */
    public static final String HASH_PATTERN = "[0-9a-fA-F]{64}";
    public static final String HASH_MESSAGE = "must be 64 hexadecimal characters (the SHA-256 of the key)";
    /** The gateway's rule for user ids. */
    public static final String USER_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";
    public static final String USER_MESSAGE =
            "must be 1-64 letters, digits or . _ @ -, starting with a letter or digit";
}
