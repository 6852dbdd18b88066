package ai.datasuite.inference.support;

import ai.datasuite.testsupport.identity.VerifiedCaller;

/**
 * The identity a request to a fake carries, verified as metadata-service verifies it (test-support's
 * {@link VerifiedCaller}: an RS256 token signed with the test JVM's key, the key inference-service signs its hops with,
 * not expired, from the suite's issuer). The owner rules mirror identity-support's Caller.
 */
public record FakeCaller(String id, String role, String signedBy) {

    /** The verified caller of {@code authorization}; null when the header is absent or anything is wrong with it. */
    public static FakeCaller verify(String authorization) {
        return VerifiedCaller.of(authorization).map(c -> new FakeCaller(c.user(), c.role(), c.signedBy())).orElse(null);
    }

    private VerifiedCaller caller() {
        return new VerifiedCaller(id, role, signedBy);
    }

    public boolean isAdmin() {
        return caller().isAdmin();
    }

    public boolean isAnnotator() {
        return caller().isAnnotator();
    }

    /** A hop signed by a service rather than by the gateway, or a service's own identity. */
    public boolean viaService() {
        return caller().viaService();
    }
}
