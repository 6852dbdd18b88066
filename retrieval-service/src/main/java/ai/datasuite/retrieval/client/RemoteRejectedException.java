package ai.datasuite.retrieval.client;

import java.util.Map;

import ai.datasuite.retrieval.service.ProblemException;

/**
 * A dependency answered 4xx: not its failure, so never retried nor counted by a breaker. 400, 404 and 409 concern the
 * caller's input and reach the caller with the remote detail; anything else is a disagreement between the services
 * and answers 502.
 */
public class RemoteRejectedException extends ProblemException {

    private final int remoteStatus;

    public RemoteRejectedException(String service, int remoteStatus, Map<String, Object> problem) {
        super(status(remoteStatus), slug(service, remoteStatus), title(service, remoteStatus),
                detail(service, remoteStatus, problem), extensions(problem));
        this.remoteStatus = remoteStatus;
    }

    public int remoteStatus() {
        return remoteStatus;
    }

    private static boolean passedOn(int remote) {
        return remote == 400 || remote == 404 || remote == 409 || remote == 413 || remote == 415;
    }

    private static int status(int remote) {
        return passedOn(remote) ? remote : 502;
    }

    private static String slug(String service, int remote) {
        return switch (remote) {
            case 400 -> VALIDATION;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> service + "-rejected";
        };
    }

    private static String title(String service, int remote) {
        return switch (remote) {
            case 400 -> "Invalid request";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            default -> service + " rejected the request";
        };
    }

    private static String detail(String service, int remote, Map<String, Object> problem) {
        Object detail = problem.get("detail");
        if (passedOn(remote)) {
            return detail == null ? service + " answered " + remote : service + ": " + detail;
        }
        return service + " rejected a request of retrieval-service (" + remote + ")"
                + (detail == null ? "" : ": " + detail);
    }

    private static Map<String, Object> extensions(Map<String, Object> problem) {
        Object errors = problem.get("errors");
        return errors == null ? Map.of() : Map.of("errors", errors);
    }
}
