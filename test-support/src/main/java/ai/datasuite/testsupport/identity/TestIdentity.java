package ai.datasuite.testsupport.identity;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.IdentityTokens;

/**
 * Test identities minted the way the gateway mints them ({@link IdentityTokens#claims}, RS256), with a key pair made
 * for this test JVM and never written anywhere. {@link TestIdentityConfigSource} hands the same keys to the service
 * under test, so every test request carries a really verified identity. The pair lives in system properties so every
 * class loader of the JVM (Quarkus restarts its application per profile) sees the same one.
 */
public final class TestIdentity {

    public static final String ISSUER = "ai-data-suite";
    /** How long a token from {@link #token} or {@link #forgedToken} is valid. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Sent by {@link #anonymous()}: the default identity filter removes it and adds no identity. */
    static final String NO_IDENTITY = "X-Test-No-Identity";
    private static final String PUBLIC_PROPERTY = "ai-data-suite.test.identity.public-key";
    private static final String PRIVATE_PROPERTY = "ai-data-suite.test.identity.private-key";

    private TestIdentity() {
    }

    /** A valid token for {@code user} with {@code role}. */
    public static String token(String user, String role) {
        return IdentityTokens.sign(IdentityTokens.claims(ISSUER, user, role, LIFETIME, "test"),
                privateKey());
    }

    /** A token signed with the right key that expired ten minutes ago. */
    public static String expiredToken(String user, String role) {
        return IdentityTokens.sign(IdentityTokens.claims(ISSUER, user, role, Duration.ofMinutes(1), "test")
                .issuedAt(Instant.now().minus(Duration.ofMinutes(20)))
                .expiresAt(Instant.now().minus(Duration.ofMinutes(10))), privateKey());
    }

    /** A well-formed token signed with a key the services do not trust. */
    public static String forgedToken(String user, String role) {
        return IdentityTokens.sign(IdentityTokens.claims(ISSUER, user, role, LIFETIME, "test"),
                ForgingKey.KEY);
    }

    /** The untrusted key of forged tokens, made once: a 2048-bit RSA key pair takes a large fraction of a second. */
    private static final class ForgingKey {
        static final PrivateKey KEY = generate().getPrivate();
    }

    /** A REST Assured request as {@code user} with {@code role} (replaces the default admin identity). */
    public static RequestSpecification as(String user, String role) {
        return RestAssured.given().header("Authorization", "Bearer " + token(user, role));
    }

    /** A REST Assured request that carries no identity at all. */
    public static RequestSpecification anonymous() {
        return RestAssured.given().header(NO_IDENTITY, "true");
    }

    /** The public key (base64 X.509 DER) the services under test verify with. */
    public static synchronized String publicKeyBase64() {
        ensureKeys();
        return System.getProperty(PUBLIC_PROPERTY);
    }

    /** The private key (base64 PKCS#8 DER) the services under test sign their own hops with. */
    public static synchronized String privateKeyBase64() {
        ensureKeys();
        return System.getProperty(PRIVATE_PROPERTY);
    }

    private static PrivateKey privateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(privateKeyBase64());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensureKeys() {
        if (System.getProperty(PUBLIC_PROPERTY) == null) {
            KeyPair pair = generate();
            System.setProperty(PRIVATE_PROPERTY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(PUBLIC_PROPERTY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
