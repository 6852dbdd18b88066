package ai.datasuite.gateway.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The limits every caller meets at the gateway. */
@ConfigMapping(prefix = "gateway.limits")
public interface LimitsConfig {

    /**
     * The largest request body routed to a service (413 above it): ingest's upload limit. Keep
     * {@code quarkus.http.limits.max-body-size} for the gateway's own small endpoints below it.
     */
    @WithDefault("2G")
    MemorySize maxBodySize();

    /** Requests per API key (a token bucket). */
    Rate rate();

    interface Rate {

        /** The burst: how many requests a key may make at once. */
        @WithDefault("100")
        long capacity();

        /** How many requests come back every {@link #refillPeriod()} (greedily, spread over it). */
        @WithDefault("50")
        long refillTokens();

        @WithDefault("1s")
        Duration refillPeriod();

        /** At most this many keys' buckets are kept; beyond, idle buckets are forgotten (a full bucket again). */
        @WithDefault("10000")
        int maxTrackedKeys();
    }
}
