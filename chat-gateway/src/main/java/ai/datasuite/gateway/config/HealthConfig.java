package ai.datasuite.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's readiness: one check per service. */
@ConfigMapping(prefix = "gateway.health")
public interface HealthConfig {

    /** How long a service's {@code /q/health/ready} may take before it counts as down. */
    @WithDefault("2s")
    Duration upstreamTimeout();
}
