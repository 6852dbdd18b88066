package ai.datasuite.ingest.support;

import com.sun.net.httpserver.HttpExchange;

import ai.datasuite.testsupport.identity.VerifiedCaller;

/**
 * The identity a request to a fake carries, verified as metadata-service verifies it (test-support's
 * {@link VerifiedCaller}: RS256 with the test JVM's key, not expired, the suite's issuer). Its user, role and signing
 * service ({@code azp}) decide what the fake answers.
 */
public record FakeIdentity(String user, String role, String signedBy) {

    /** The verified identity of the request; null when it has none or an invalid one. */
    public static FakeIdentity of(HttpExchange exchange) {
        return VerifiedCaller.of(exchange.getRequestHeaders().getFirst("Authorization"))
                .map(c -> new FakeIdentity(c.user(), c.role(), c.signedBy())).orElse(null);
    }

    private VerifiedCaller caller() {
        return new VerifiedCaller(user, role, signedBy);
    }

    /** Admins and the suite's services act on everyone's data. */
    public boolean admin() {
        return caller().isAdmin();
    }

    public boolean canSee(String owner) {
        return caller().canSee(owner);
    }

    /** A hop signed by a service of the suite (or a service's own identity), not a person's call via the gateway. */
    public boolean viaService() {
        return caller().viaService();
    }
}
