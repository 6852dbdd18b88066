package ai.datasuite.gateway.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** API keys: the bootstrap admin key and the cache of key lookups. */
@ConfigMapping(prefix = "gateway.keys")
public interface KeysConfig {

    /**
     * The bootstrap admin key (user {@code admin}, role admin), from {@code SUITE_ADMIN_KEY}; it needs no
     * metadata-service, so an admin can always create the first keys. Unset: no bootstrap key.
     */
    Optional<String> adminKey();

    /** How long a found key is trusted without asking metadata-service again (a revoke here evicts at once). */
    @WithDefault("30s")
    Duration cacheTtl();

    /** How long an unknown key stays unknown without asking again; 0 asks every time. */
    @WithDefault("2s")
    Duration negativeCacheTtl();

    /** At most this many cached lookups (found or not); beyond, expired ones are dropped, then all. */
    @WithDefault("10000")
    int cacheMaxEntries();
}
