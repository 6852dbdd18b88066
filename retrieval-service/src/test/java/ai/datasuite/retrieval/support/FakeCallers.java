package ai.datasuite.retrieval.support;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import ai.datasuite.identity.Roles;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * What the fakes of ingest-service and metadata-service make of a request's identity, as the real services do: an
 * {@code Authorization: Bearer} token, RS256-signed with the test JVM's key pair (the one retrieval-service signs its
 * hops with), not expired; its user, role and signer. Verified here without SmallRye so the fakes stay plain Java.
 */
public final class FakeCallers {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A verified caller of a fake. */
    public record Caller(String user, String role, String signedBy) {

        /** Admins and the suite's services see everyone's data (identity-support's Caller#isAdmin). */
        public boolean isAdmin() {
            return Roles.ADMIN.equals(role) || Roles.SERVICE.equals(role);
        }

        public boolean canSee(String owner) {
            return isAdmin() || user.equals(owner);
        }
    }

    private FakeCallers() {
    }

    /** The request's verified caller; null when it carries no token or an invalid one. */
    public static Caller of(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = header.substring("Bearer ".length()).trim().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] der = Base64.getDecoder().decode(TestIdentity.publicKeyBase64());
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]),
                    new TypeReference<>() { });
            if (((Number) claims.get("exp")).longValue() * 1000 < System.currentTimeMillis()) {
                return null;
            }
            List<?> groups = (List<?>) claims.get("groups");
            return new Caller((String) claims.get("sub"), groups.isEmpty() ? null : (String) groups.get(0),
                    (String) claims.get("azp"));
        } catch (Exception e) {
            return null; // Any malformed token is as good as none, as for the real services.
        }
    }

    /** The 401 problem the real services answer. */
    public static Map<String, Object> unauthorized() {
        return Map.of("type", "urn:ai-data-suite:problem:unauthorized", "title", "Unauthorized", "status", 401,
                "detail", "This call needs a signed identity");
    }

    /** The 403 problem the real services answer when a body names another user. */
    public static Map<String, Object> forbidden(String detail) {
        return Map.of("type", "urn:ai-data-suite:problem:forbidden", "title", "Forbidden", "status", 403,
                "detail", detail);
    }
}
