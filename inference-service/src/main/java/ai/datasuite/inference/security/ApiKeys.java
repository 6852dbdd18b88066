package ai.datasuite.inference.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.inference.config.SecurityConfig;

/**
 * The configured API keys ({@code inference.security.admin-keys}), parsed once. Keys are kept only as SHA-256
 * digests; a lookup hashes the presented key, so its time does not depend on how much of a real key it matches.
 */
@ApplicationScoped
public class ApiKeys {

    public static final String ADMIN = "admin";

    /** What to tell a caller who lacks a key; shared by the 401 and 403 answers. */
    public static final String HOW_TO_CONFIGURE = "Admin endpoints need an API key sent as 'Authorization: Bearer <key>' "
            + "or 'X-Api-Key: <key>'. Keys are configured as name:key pairs separated by commas in "
            + "inference.security.admin-keys (environment INFERENCE_ADMIN_KEYS), e.g. INFERENCE_ADMIN_KEYS=alice:s3cret.";

    /** A key's owner and roles. */
    public record Holder(String name, Set<String> roles) {
    }

    private final Map<String, Holder> byDigest = new HashMap<>();

    public ApiKeys(SecurityConfig config) {
        for (String entry : config.adminKeys().orElse(List.of())) {
            add(entry.strip());
        }
    }

    /** The holder of {@code key}, if it is configured. */
    public Optional<Holder> find(String key) {
        return Optional.ofNullable(byDigest.get(digest(key)));
    }

    public boolean none() {
        return byDigest.isEmpty();
    }

    private void add(String entry) {
        if (entry.isEmpty()) {
            return;
        }
        String[] parts = entry.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            // Never echo the entry: it holds a secret.
            throw new IllegalStateException("inference.security.admin-keys: an entry is not of the form name:key "
                    + "(or name:key:role|role); entries are separated by commas");
        }
        Set<String> roles = new LinkedHashSet<>();
        if (parts.length == 3) {
            for (String role : parts[2].split("\\|")) {
                if (!role.isBlank()) {
                    roles.add(role.strip());
                }
            }
        } else {
            roles.add(ADMIN);
        }
        String digest = digest(parts[1]);
        if (byDigest.putIfAbsent(digest, new Holder(parts[0].strip(), Set.copyOf(roles))) != null) {
            throw new IllegalStateException("inference.security.admin-keys: two entries share one key; give each "
                    + "holder their own key");
        }
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
