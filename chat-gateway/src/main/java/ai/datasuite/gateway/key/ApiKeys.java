package ai.datasuite.gateway.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What an API key looks like: {@code ads_} and 43 characters of base64url (32 random bytes), stored only as the hex
 * SHA-256 of the whole key, recognised by its first {@value #PREFIX_LENGTH} characters.
 */
public final class ApiKeys {

    public static final String PREFIX = "ads_";
    public static final int PREFIX_LENGTH = 12;
    private static final Pattern GENERATED = Pattern.compile("ads_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Hex SHA-256 of the key's UTF-8 bytes: what metadata-service stores and looks up. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(digest(key));
    }

    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static String prefix(String key) {
        return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
    }

    /** True when the key could have been made by {@link #generate()}; anything else is never looked up. */
    public static boolean looksGenerated(String key) {
        return GENERATED.matcher(key).matches();
    }
}
