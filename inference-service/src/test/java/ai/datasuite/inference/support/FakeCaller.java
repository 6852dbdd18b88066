package ai.datasuite.inference.support;

import java.nio.charset.StandardCharsets;
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

import ai.datasuite.identity.Roles;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * The identity a request to a fake carries, verified as metadata-service verifies it: an RS256 token signed with the
 * test JVM's key (the key inference-service signs its hops with), not expired, from the suite's issuer. The owner
 * rules mirror identity-support's Caller.
 */
public record FakeCaller(String id, String role, String signedBy) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The verified caller of {@code authorization}; null when the header is absent or anything is wrong with it. */
    public static FakeCaller verify(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(publicKey());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(url.decode(parts[2]))) {
                return null;
            }
            Map<String, Object> claims = JSON.readValue(url.decode(parts[1]), new TypeReference<>() { });
            if (!TestIdentity.ISSUER.equals(claims.get("iss"))
                    || ((Number) claims.get("exp")).longValue() < Instant.now().getEpochSecond()) {
                return null;
            }
            @SuppressWarnings("unchecked")
            List<String> groups = (List<String>) claims.get("groups");
            return new FakeCaller((String) claims.get("sub"), groups.get(0), (String) claims.get("azp"));
        } catch (Exception e) {
            return null;
        }
    }

    private static PublicKey publicKey() throws Exception {
        byte[] der = Base64.getDecoder().decode(TestIdentity.publicKeyBase64());
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    public boolean isAdmin() {
        return Roles.ADMIN.equals(role) || Roles.SERVICE.equals(role);
    }

    public boolean isAnnotator() {
        return isAdmin() || Roles.ANNOTATOR.equals(role);
    }

    /** A hop signed by a service rather than by the gateway, or a service's own identity. */
    public boolean viaService() {
        return Roles.SERVICE.equals(role) || (signedBy != null && !signedBy.equals("chat-gateway"));
    }
}
