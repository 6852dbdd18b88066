package ai.datasuite.retrieval.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.datasuite.problem.ProblemException;

/**
 * Admin operations take an {@code X-Api-Key} header that must equal one of {@code retrieval.security.admin-keys}
 * ({@code name:key,...}; environment {@code RETRIEVAL_SECURITY_ADMIN_KEYS}). No key or an unknown one is 401; with
 * no admin keys configured, admin operations are switched off (403).
 */
@ApplicationScoped
class AdminGuard {

    public static final String HEADER = "X-Api-Key";

    private final Map<String, byte[]> keys = new LinkedHashMap<>();

    public AdminGuard(@ConfigProperty(name = "retrieval.security.admin-keys") Optional<String> adminKeys) {
        for (String entry : adminKeys.orElse("").split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon > 0 && colon < trimmed.length() - 1) {
                keys.put(trimmed.substring(0, colon), trimmed.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
            } else if (!trimmed.isEmpty()) {
                throw new IllegalArgumentException("retrieval.security.admin-keys entries must be name:key");
            }
        }
    }

    /** The admin's name for {@code apiKey}, or a 401/403 problem. */
    public String require(String apiKey) {
        if (keys.isEmpty()) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "Admin operations are disabled: no retrieval.security.admin-keys are configured", null);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new ProblemException(401, "unauthorized", "Unauthorized",
                    "This admin operation needs an " + HEADER + " header", null);
        }
        byte[] given = apiKey.getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (Map.Entry<String, byte[]> e : keys.entrySet()) {
            // Constant-time comparison over every key, so timing does not tell which prefix matched.
            if (MessageDigest.isEqual(e.getValue(), given)) {
                match = e.getKey();
            }
        }
        if (match == null) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "Unknown " + HEADER, null);
        }
        return match;
    }
}
