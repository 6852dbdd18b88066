package ai.datasuite.identity;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * Every REST endpoint of a service needs a verified identity: a call without a token, or with a forged, expired or
 * otherwise invalid one, answers 401 problem+json before any resource runs, and before a path, method or content type
 * is matched (so a stranger learns nothing from a 404, 405 or 415 first). Health, metrics and the OpenAPI
 * document are not REST resources and stay open; so are the REST paths of {@code suite.identity.open-paths} (the
 * gateway's web console pages). Authentication is lazy ({@code quarkus.http.auth.proactive=false})
 * so that its failures reach these mappers and answer problem+json instead of an empty 401.
 */
public class IdentityRequired {

    static final String CHALLENGE = "Bearer realm=\"ai-data-suite\"";
    private static final String HOW = "Calls reach the services through chat-gateway, which signs the caller's "
            + "identity; send your API key there as 'X-Api-Key: <key>'.";

    private final CurrentIdentityAssociation identities;
    private final Optional<Pattern> openPaths;

    public IdentityRequired(CurrentIdentityAssociation identities, IdentityConfig config) {
        this.identities = identities;
        this.openPaths = config.openPaths().map(Pattern::compile);
    }

    @ServerRequestFilter(preMatching = true, priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Uni<Void> requireIdentity(ContainerRequestContext request) {
        if (openPaths.isPresent() && openPaths.get().matcher(request.getUriInfo().getPath()).matches()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onItem().transform(identity -> {
            if (identity.isAnonymous()) {
                throw unauthorized("This call needs a signed identity and carries none. " + HOW);
            }
            return null;
        });
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problems.response(unauthorized("The identity token is invalid or has expired. " + HOW));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problems.response(unauthorized("This call needs a signed identity. " + HOW));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(new ProblemException(403, ProblemException.FORBIDDEN, "Forbidden",
                "Your role may not make this call; it needs another role (admin or annotator)."));
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, ProblemException.UNAUTHORIZED, "Unauthorized", detail)
                .withHeader("WWW-Authenticate", CHALLENGE);
    }
}
