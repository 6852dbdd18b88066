package ai.datasuite.gateway.support;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * The identity a fake service accepts, verified as a real service verifies it: RS256 with the test key pair's public
 * key, issuer ai-data-suite, not expired. Null from {@link #of} when the header carries no valid token.
 */
public record VerifiedIdentity(String user, String role, String signedBy) {

    private static volatile JwtConsumer consumer;

    public static VerifiedIdentity of(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            JwtClaims claims = consumer().processToClaims(authorization.substring(7));
            List<String> groups = claims.getStringListClaimValue("groups");
            return new VerifiedIdentity(claims.getSubject(), groups.size() == 1 ? groups.get(0) : String.valueOf(groups),
                    claims.getStringClaimValue("azp"));
        } catch (Exception invalid) {
            return null;
        }
    }

    private static JwtConsumer consumer() throws Exception {
        if (consumer == null) {
            byte[] der = Base64.getDecoder().decode(TestIdentity.publicKeyBase64());
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            consumer = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setExpectedIssuer("ai-data-suite")
                    .setVerificationKey(key)
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setSkipDefaultAudienceValidation()
                    .build();
        }
        return consumer;
    }
}
