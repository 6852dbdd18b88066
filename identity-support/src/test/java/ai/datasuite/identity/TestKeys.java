package ai.datasuite.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * This module's tests only (the services' tests use test-support's TestIdentity, which depends on this module):
 * a key pair per test JVM, kept in system properties so every class loader sees the same one.
 */
public class TestKeys implements ConfigSource {

    static KeyPair pair() {
        if (System.getProperty("identity-test.private") == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                System.setProperty("identity-test.private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                System.setProperty("identity-test.public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            var factory = java.security.KeyFactory.getInstance("RSA");
            return new KeyPair(
                    factory.generatePublic(new java.security.spec.X509EncodedKeySpec(
                            Base64.getDecoder().decode(System.getProperty("identity-test.public")))),
                    factory.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                            Base64.getDecoder().decode(System.getProperty("identity-test.private")))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        pair();
        return Map.of("mp.jwt.verify.publickey", System.getProperty("identity-test.public"),
                "smallrye.jwt.sign.key", System.getProperty("identity-test.private"));
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String name) {
        return getProperties().get(name);
    }

    @Override
    public int getOrdinal() {
        return 275;
    }

    @Override
    public String getName() {
        return "identity-support test keys";
    }
}
