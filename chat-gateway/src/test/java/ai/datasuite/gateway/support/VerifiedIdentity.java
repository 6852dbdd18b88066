package ai.datasuite.gateway.support;

import ai.datasuite.testsupport.identity.VerifiedCaller;

/**
 * The identity a fake service accepts, verified as a real service verifies it (test-support's {@link VerifiedCaller}:
 * RS256 with the test key pair's public key, issuer ai-data-suite, not expired). Null from {@link #of} when the header
 * carries no valid token.
 */
public record VerifiedIdentity(String user, String role, String signedBy) {

    public static VerifiedIdentity of(String authorization) {
        return VerifiedCaller.of(authorization).map(c -> new VerifiedIdentity(c.user(), c.role(), c.signedBy()))
                .orElse(null);
    }
}
