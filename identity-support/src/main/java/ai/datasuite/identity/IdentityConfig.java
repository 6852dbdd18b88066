package ai.datasuite.identity;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How identity tokens are minted; the verifying side is SmallRye JWT's own {@code mp.jwt.verify.*}. */
@ConfigMapping(prefix = "suite.identity")
public interface IdentityConfig {

    /** The {@code iss} of every token (verified as {@code mp.jwt.verify.issuer}). */
    @WithDefault("ai-data-suite")
    String issuer();

    /** How long a minted token is valid: short, since a new one is minted for every hop. */
    @WithDefault("PT2M")
    Duration tokenLifetime();

    /** This service's name, the subject of its own identity and the {@code azp} of the tokens it mints. */
    @WithDefault("${quarkus.application.name}")
    String serviceName();

    /** The gateway's service name: tokens it signs are people's calls, never a service's. */
    @WithDefault("chat-gateway")
    String gatewayName();

    /**
     * REST paths that need no identity, as one regular expression over the whole path: the gateway's web console
     * pages, which hold no data. Unset (every service but the gateway): every REST path needs one.
     */
    Optional<String> openPaths();
}
