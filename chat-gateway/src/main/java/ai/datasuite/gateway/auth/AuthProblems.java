package ai.datasuite.gateway.auth;

import ai.datasuite.problem.ProblemException;

/** The gateway's 401 answers, in the caller's terms (which header, what to do). */
public final class AuthProblems {

    /** Clients may also send the key as a bearer token, so that is the challenge. */
    public static final String CHALLENGE = "Bearer realm=\"ai-data-suite\"";

    private AuthProblems() {
    }

    public static ProblemException missingKey() {
        return unauthorized("This call needs an API key: send it as 'X-Api-Key: <key>' (or 'Authorization: Bearer"
                + " <key>'). An admin issues keys with POST /api/v1/keys.");
    }

    public static ProblemException unknownKey() {
        return unauthorized("The API key is not valid: it is unknown or was revoked. Ask an admin for a new key"
                + " (POST /api/v1/keys).");
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, ProblemException.UNAUTHORIZED, "Unauthorized", detail)
                .withHeader("WWW-Authenticate", CHALLENGE);
    }
}
