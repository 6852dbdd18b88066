package ai.datasuite.identity;

import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each identity token once: callers reuse a token for many calls (the gateway and {@link IdentityTokens} for
 * half its life), and checking its RS256 signature and claims again on every call costs more than the rest of a small
 * request's own work. A token that passed SmallRye JWT's verification is kept by its exact text (signature included, so
 * a changed token is verified anew) and served only while it has not expired; a failed one is never kept, so it fails
 * again. At most {@link #MAX_TOKENS} are kept. Replaces {@link DefaultJWTParser} (which does the verifying) for
 * quarkus-smallrye-jwt's authentication; the other operations go straight to it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** A bound, not an LRU: tokens live minutes, so a full cache drops its expired ones, or all of them. */
    static final int MAX_TOKENS = 10_000;

    private final Supplier<JWTParser> verifierSource;
    private final LongSupplier epochSeconds;
    private final int maxTokens;
    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();
    private volatile JWTParser verifier;

    /**
     * Looked up on first use: a service that only signs identities (the gateway) has no verifier bean, and there
     * this bean is never called.
     */
    @Inject
    public VerifiedTokens(Instance<DefaultJWTParser> verifier) {
        this(verifier::get, () -> System.currentTimeMillis() / 1000, MAX_TOKENS);
    }

    VerifiedTokens(JWTParser verifier, LongSupplier epochSeconds, int maxTokens) {
        this(() -> verifier, epochSeconds, maxTokens);
    }

    private VerifiedTokens(Supplier<JWTParser> verifierSource, LongSupplier epochSeconds, int maxTokens) {
        this.verifierSource = verifierSource;
        this.epochSeconds = epochSeconds;
        this.maxTokens = maxTokens;
    }

    private JWTParser verifier() {
        JWTParser v = verifier;
        if (v == null) {
            v = verifierSource.get();
            verifier = v;
        }
        return v;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = epochSeconds.getAsLong();
        JsonWebToken known = verified.get(token);
        if (known != null) {
            if (valid(known, now)) {
                return known;
            }
            verified.remove(token, known);
        }
        JsonWebToken jwt = verifier().parse(token);
        // Strictly before exp: the verifier's clock skew may still accept it, but then it verifies again.
        if (valid(jwt, now)) {
            if (verified.size() >= maxTokens) {
                verified.values().removeIf(t -> !valid(t, now));
                if (verified.size() >= maxTokens) {
                    verified.clear();
                }
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    private static boolean valid(JsonWebToken jwt, long now) {
        return now < jwt.getExpirationTime();
    }

    /** Verified tokens held now (tests). */
    int size() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier().parse(token, context); // another verification context: not the one the cache stands for
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier().verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier().verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier().verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, java.security.PrivateKey key) throws ParseException {
        return verifier().decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier().decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier().decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier().parseOnly(token);
    }
}
