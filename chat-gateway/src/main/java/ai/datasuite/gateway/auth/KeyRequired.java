package ai.datasuite.gateway.auth;

import java.util.regex.Pattern;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

import ai.datasuite.identity.IdentityConfig;
import ai.datasuite.problem.ProblemException;

/**
 * Every REST endpoint of the gateway needs a valid API key: 401 problem+json in the gateway's terms (which header to
 * send) before identity-support's own check, which speaks of tokens, and before the request is matched to a resource
 * (a caller without a key gets 401, not a 404, 405 or 415 that tells what the route expects). A key store that cannot be asked answers its
 * 503 problem, not 401: the key may well be valid. The web console's pages (every path outside {@code /api/}) hold
 * no data and need no key ({@code suite.identity.open-paths}).
 */
public class KeyRequired {

    private final CurrentIdentityAssociation identities;

    private final Pattern consolePages;

    public KeyRequired(CurrentIdentityAssociation identities, IdentityConfig identity) {
        this.identities = identities;
        this.consolePages = Pattern.compile(identity.openPaths().orElse("(?!)"));
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 10)
    public Uni<Void> requireKey(ContainerRequestContext request) {
        if (consolePages.matcher(request.getUriInfo().getPath()).matches()) {
            return Uni.createFrom().voidItem(); // the web console's pages: no data, the key stays in the browser
        }
        return identities.getDeferredIdentity()
                .onFailure().transform(KeyRequired::problem)
                .onItem().transform(identity -> {
                    if (identity.isAnonymous()) {
                        throw AuthProblems.missingKey();
                    }
                    return null;
                });
    }

    /** The problem a failed authentication carries (Quarkus may wrap it), else "unknown key". */
    static ProblemException problem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        return AuthProblems.unknownKey();
    }
}
