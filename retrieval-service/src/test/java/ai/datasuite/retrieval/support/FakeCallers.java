package ai.datasuite.retrieval.support;

import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import ai.datasuite.testsupport.identity.VerifiedCaller;

/**
 * What the fakes of ingest-service and metadata-service make of a request's identity, as the real services do: an
 * {@code Authorization: Bearer} token, RS256-signed with the test JVM's key pair (the one retrieval-service signs its
 * hops with), not expired; its user, role and signer (verified by test-support's VerifiedCaller, plain Java).
 */
public final class FakeCallers {

    /** A verified caller of a fake. */
    public record Caller(String user, String role, String signedBy) {

        /** Admins and the suite's services see everyone's data (identity-support's Caller#isAdmin). */
        public boolean isAdmin() {
            return new VerifiedCaller(user, role, signedBy).isAdmin();
        }

        public boolean canSee(String owner) {
            return new VerifiedCaller(user, role, signedBy).canSee(owner);
        }
    }

    private FakeCallers() {
    }

    /** The request's verified caller (test-support's VerifiedCaller); null when it carries no or an invalid token. */
    public static Caller of(HttpExchange exchange) {
        return VerifiedCaller.of(exchange.getRequestHeaders().getFirst("Authorization"))
                .map(c -> new Caller(c.user(), c.role(), c.signedBy())).orElse(null);
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
