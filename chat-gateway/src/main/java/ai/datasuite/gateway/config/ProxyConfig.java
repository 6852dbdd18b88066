package ai.datasuite.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway talks to the services it routes to. */
@ConfigMapping(prefix = "gateway.proxy")
public interface ProxyConfig {

    /** Time to open a connection to a service (or to get one from the pool). */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * Extra attempts to open a connection when one fails. Only connection establishment is retried: nothing has
     * been sent then, so it is safe for every method; a request whose body went out is never replayed.
     */
    @WithDefault("2")
    int connectRetries();

    @WithDefault("200ms")
    Duration connectRetryDelay();

    /** From the end of the request body to the service's response headers; then 504. Streams are not cut. */
    @WithDefault("300s")
    Duration responseTimeout();

    /** Open connections per service. */
    @WithDefault("64")
    int maxPoolSize();

    Breaker breaker();

    /** One circuit breaker per service: failures are refused connections, timeouts and broken exchanges. */
    interface Breaker {

        /** Consecutive failures that open it. */
        @WithDefault("5")
        int failureThreshold();

        /** How long it stays open (503 at once) before one trial request may pass. */
        @WithDefault("10s")
        Duration openDuration();
    }
}
