package ai.datasuite.identity;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints the short-lived signed identity a service accepts: RS256 with the suite's signing key
 * ({@code smallrye.jwt.sign.key}, from {@code SUITE_IDENTITY_SIGNING_KEY}). Tokens are reused until half their life
 * has passed, so a busy caller signs about once a minute per identity, not once per request.
 */
@ApplicationScoped
@Unremovable // looked up by IdentityPropagation, which JAX-RS instantiates
public class IdentityTokens {

    private record Minted(String token, Instant refreshAfter) {
    }

    private final IdentityConfig config;
    private final Map<String, Minted> recent = new ConcurrentHashMap<>();

    public IdentityTokens(IdentityConfig config) {
        this.config = config;
    }

    /** A token for {@code user} with {@code role}, signed by this service. */
    public String mint(String user, String role) {
        String cacheKey = role + '\u0000' + user;
        Instant now = Instant.now();
        Minted minted = recent.get(cacheKey);
        if (minted == null || now.isAfter(minted.refreshAfter())) {
            String token = claims(config.issuer(), user, role, config.tokenLifetime(), config.serviceName()).sign();
            minted = new Minted(token, now.plus(config.tokenLifetime().dividedBy(2)));
            if (recent.size() > 10_000) {
                recent.clear(); // many distinct callers: a bound, not an LRU, is enough for a cache of signatures
            }
            recent.put(cacheKey, minted);
        }
        return minted.token();
    }

    /** This service's own identity, for work no caller asked for (background jobs, reconciliation). */
    public String mintForService() {
        return mint(config.serviceName(), Roles.SERVICE);
    }

    /** The claims of an identity token; tests sign them with their own key the same way. */
    public static JwtClaimsBuilder claims(String issuer, String user, String role, Duration lifetime, String mintedBy) {
        return Jwt.issuer(issuer)
                .subject(user)
                .upn(user)
                .groups(Set.of(role))
                .claim("azp", mintedBy)
                .expiresIn(lifetime);
    }

    /** Signs claims with an explicit key (tests; a forged token is one signed with another key). */
    public static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.sign(key);
    }
}
