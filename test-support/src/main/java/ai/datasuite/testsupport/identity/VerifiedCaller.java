package ai.datasuite.testsupport.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The identity a request to a hand-written fake carries, verified as the real services verify it: an RS256 token in
 * {@code Authorization: Bearer}, signed with the test JVM's key ({@link TestIdentity}), not expired, from the suite's
 * issuer. Its user, role and signing service ({@code azp}) decide what the fake answers, with the same owner rules as
 * identity-support's {@code Caller}.
 */
public record VerifiedCaller(String user, String role, String signedBy) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GATEWAY = "chat-gateway";

    /** The verified caller of an {@code Authorization} header; empty when it has none or an invalid one. */
    public static Optional<VerifiedCaller> of(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.empty();
        }
        String[] parts = authorization.substring("Bearer ".length()).trim().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(publicKey());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]),
                    new TypeReference<>() { });
            Number expires = (Number) claims.get("exp");
            if (expires == null || Instant.ofEpochSecond(expires.longValue()).isBefore(Instant.now())
                    || !TestIdentity.ISSUER.equals(claims.get("iss"))) {
                return Optional.empty();
            }
            List<?> groups = (List<?>) claims.get("groups");
            String role = groups == null || groups.isEmpty() ? null : (String) groups.get(0);
            return Optional.of(new VerifiedCaller((String) claims.get("sub"), role, (String) claims.get("azp")));
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** Admins and the suite's services act on everyone's data. */
    public boolean isAdmin() {
        return "admin".equals(role) || "service".equals(role);
    }

    public boolean isAnnotator() {
        return isAdmin() || "annotator".equals(role);
    }

    public boolean canSee(String owner) {
        return isAdmin() || user.equals(owner);
    }

    /** A hop signed by a service of the suite (or a service's own identity), not a person's call via the gateway. */
    public boolean viaService() {
        return "service".equals(role) || (signedBy != null && !GATEWAY.equals(signedBy));
    }

    private static PublicKey publicKey() throws GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(TestIdentity.publicKeyBase64());
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
