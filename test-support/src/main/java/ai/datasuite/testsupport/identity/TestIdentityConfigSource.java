package ai.datasuite.testsupport.identity;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives the service under test the test JVM's key pair (above application.properties, below the environment and
 * system properties), as {@code SUITE_IDENTITY_PUBLIC_KEY} and {@code SUITE_IDENTITY_SIGNING_KEY} do in production.
 */
public class TestIdentityConfigSource implements ConfigSource {

    private static final String VERIFY = "mp.jwt.verify.publickey";
    private static final String SIGN = "smallrye.jwt.sign.key";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(VERIFY, SIGN);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(VERIFY, TestIdentity.publicKeyBase64(), SIGN, TestIdentity.privateKeyBase64());
    }

    @Override
    public String getValue(String propertyName) {
        return switch (propertyName) {
            case VERIFY -> TestIdentity.publicKeyBase64();
            case SIGN -> TestIdentity.privateKeyBase64();
            default -> null;
        };
    }

    @Override
    public int getOrdinal() {
        return 275;
    }

    @Override
    public String getName() {
        return "test identity keys";
    }
}
