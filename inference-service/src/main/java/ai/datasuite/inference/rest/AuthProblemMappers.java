package ai.datasuite.inference.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import ai.datasuite.inference.security.ApiKeyAuthenticationMechanism;
import ai.datasuite.inference.security.ApiKeys;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/** 401 and 403 as RFC 9457 problems that say how to get access (Quarkus's own answers have no body). */
public class AuthProblemMappers {

    private final ApiKeys keys;

    public AuthProblemMappers(ApiKeys keys) {
        this.keys = keys;
    }

    @ServerExceptionMapper(priority = 100)
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized("No API key was sent. ");
    }

    @ServerExceptionMapper(priority = 100)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized("The API key is not known. ");
    }

    @ServerExceptionMapper(priority = 100)
    public Response forbidden(ForbiddenException e) {
        return Problems.response(403, ProblemException.FORBIDDEN, "Forbidden",
                "This endpoint needs the admin role, which the presented API key does not have. "
                        + ApiKeys.HOW_TO_CONFIGURE, null);
    }

    private Response unauthorized(String what) {
        String closed = keys.none() ? "No admin keys are configured on this server, so admin endpoints are closed. " : "";
        return Response.fromResponse(Problems.response(401, ProblemException.UNAUTHORIZED, "Unauthorized",
                        what + closed + ApiKeys.HOW_TO_CONFIGURE, null))
                .header("WWW-Authenticate", ApiKeyAuthenticationMechanism.CHALLENGE).build();
    }
}
