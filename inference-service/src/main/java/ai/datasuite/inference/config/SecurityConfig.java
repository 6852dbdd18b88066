package ai.datasuite.inference.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** API keys under {@code inference.security.}. */
@ConfigMapping(prefix = "inference.security")
public interface SecurityConfig {

    /**
     * Admin API keys as {@code name:key} entries separated by commas (environment {@code INFERENCE_ADMIN_KEYS}); the
     * name becomes the caller's identity (e.g. {@code labelled_by}). An entry may end with {@code :role|role} to give
     * other roles than {@code admin}. None by default: admin endpoints then refuse every call.
     */
    Optional<List<String>> adminKeys();
}
