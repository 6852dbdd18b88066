package ai.datasuite.gateway.limit;

import jakarta.ws.rs.Priorities;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

import ai.datasuite.gateway.key.KeyHolder;

/** The per-key rate limit on the gateway's own REST endpoints, after authentication (the proxy applies its own). */
public class RateLimitFilter {

    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilter(RateLimiter limiter, CurrentIdentityAssociation identities) {
        this.limiter = limiter;
        this.identities = identities;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 10)
    public Uni<Void> limit() {
        return identities.getDeferredIdentity().onItem().transform(identity -> {
            String keyId = identity.getAttribute(KeyHolder.IDENTITY_ATTRIBUTE);
            if (keyId != null) {
                limiter.consume(keyId);
            }
            return null;
        });
    }
}
