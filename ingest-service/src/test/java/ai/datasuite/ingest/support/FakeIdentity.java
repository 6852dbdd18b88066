package ai.datasuite.ingest.support;

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

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import ai.datasuite.identity.Roles;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * The identity a request to a fake carries, verified as metadata-service verifies it: an RS256 token in
 * {@code Authorization: Bearer}, signed with the suite's key (the test JVM's, {@link TestIdentity}), not expired, from
 * the suite's issuer. Its user, role and signing service ({@code azp}) decide what the fake answers.
 */
public record FakeIdentity(String user, String role, String signedBy) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GATEWAY = "chat-gateway";

    /** The verified identity of the request; null when it has none or an invalid one. */
    public static FakeIdentity of(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = header.substring("Bearer ".length()).trim().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(publicKey());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), new TypeReference<>() { });
            Number expires = (Number) claims.get("exp");
            if (expires == null || Instant.ofEpochSecond(expires.longValue()).isBefore(Instant.now())
                    || !TestIdentity.ISSUER.equals(claims.get("iss"))) {
                return null;
            }
            List<?> groups = (List<?>) claims.get("groups");
            return new FakeIdentity((String) claims.get("sub"), groups == null || groups.isEmpty() ? null
                    : (String) groups.get(0), (String) claims.get("azp"));
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** Admins and the suite's services act on everyone's data. */
    public boolean admin() {
        return Roles.ADMIN.equals(role) || Roles.SERVICE.equals(role);
    }

    public boolean canSee(String owner) {
        return admin() || user.equals(owner);
    }

    /** A hop signed by a service of the suite (or a service's own identity), not a person's call via the gateway. */
    public boolean viaService() {
        return Roles.SERVICE.equals(role) || (signedBy != null && !GATEWAY.equals(signedBy));
    }

    private static PublicKey publicKey() throws GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(TestIdentity.publicKeyBase64());
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
