package ai.datasuite.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** The cache of verified tokens, on SmallRye JWT's real verifier (counted) and a clock the test moves. */
class VerifiedTokensTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(Instant.now().getEpochSecond());

    private JWTParser countingVerifier() {
        DefaultJWTParser real = new DefaultJWTParser(new JWTAuthContextInfo(TestKeys.pair().getPublic(),
                "ai-data-suite"));
        return (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JWTParser.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("parse")) {
                        verifications.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String token(String user, Duration lifetime) {
        return IdentityTokens.sign(IdentityTokens.claims("ai-data-suite", user, Roles.USER, lifetime, "test"),
                TestKeys.pair().getPrivate());
    }

    @Test
    void aTokenIsVerifiedOnceAndAnswersTheSameCaller() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(countingVerifier(), now::get, 100);
        String alice = token("alice", Duration.ofMinutes(2));
        JsonWebToken first = tokens.parse(alice);
        JsonWebToken second = tokens.parse(alice);
        assertEquals(1, verifications.get());
        assertSame(first, second);
        assertEquals("alice", second.getName());
        assertEquals(java.util.Set.of(Roles.USER), second.getGroups());
        tokens.parse(token("bob", Duration.ofMinutes(2)));
        assertEquals(2, verifications.get());
    }

    @Test
    void anExpiredTokenIsNeverServedFromTheCache() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(countingVerifier(), now::get, 100);
        String alice = token("alice", Duration.ofMinutes(2));
        long exp = tokens.parse(alice).getExpirationTime();
        now.set(exp - 1);
        tokens.parse(alice);
        assertEquals(1, verifications.get());
        // At exp the cache lets go: the verifier decides again (here its own clock still accepts it), every time.
        now.set(exp);
        tokens.parse(alice);
        tokens.parse(alice);
        assertEquals(3, verifications.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void aRejectedTokenIsRejectedEveryTime() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(countingVerifier(), now::get, 100);
        var other = KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);
        String forged = IdentityTokens.sign(IdentityTokens.claims("ai-data-suite", "alice", Roles.ADMIN,
                Duration.ofMinutes(2), "test"), other.generateKeyPair().getPrivate());
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        assertEquals(2, verifications.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheStaysWithinItsBound() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(countingVerifier(), now::get, 3);
        for (int i = 0; i < 10; i++) {
            tokens.parse(token("user" + i, Duration.ofMinutes(2)));
            assertTrue(tokens.size() <= 3, "held " + tokens.size());
        }
        String last = token("user9", Duration.ofMinutes(2));
        tokens.parse(last);
        tokens.parse(last);
        assertEquals(11, verifications.get()); // the newest token is held even right after the cache was full
    }
}
