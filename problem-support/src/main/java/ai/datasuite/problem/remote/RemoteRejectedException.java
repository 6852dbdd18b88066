package ai.datasuite.problem.remote;

import java.util.Map;

import ai.datasuite.problem.ProblemException;

/**
 * A dependency answered 4xx: not its failure, so never retried nor counted by a breaker. 400, 404, 409, 413 and 415
 * concern the caller's input and reach the caller with the remote detail; anything else is a disagreement between
 * the services and answers 502 {@code <service>-rejected}.
 */
public class RemoteRejectedException extends ProblemException {

    private final int remoteStatus;
    private final Map<String, Object> remoteProblem;

    public RemoteRejectedException(String service, int remoteStatus, Map<String, Object> problem) {
        super(status(remoteStatus), slug(service, remoteStatus), title(service, remoteStatus),
                detail(service, remoteStatus, problem), extensions(problem));
        this.remoteStatus = remoteStatus;
        this.remoteProblem = Map.copyOf(problem);
    }

    public int remoteStatus() {
        return remoteStatus;
    }

    /** The other service's problem body as it answered it. */
    public Map<String, Object> remoteProblem() {
        return remoteProblem;
    }

    /** The other service's own detail, or empty. */
    public String remoteDetail() {
        Object detail = remoteProblem.get("detail");
        return detail == null ? "" : String.valueOf(detail);
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
            return detail == null ? service + " answered " + remote : String.valueOf(detail);
        }
        return service + " rejected a request of this service (" + remote + ")" + (detail == null ? "" : ": " + detail);
    }

    // Field-level errors of the remote validation problem are useful to the caller; other members are not ours.
    private static Map<String, Object> extensions(Map<String, Object> problem) {
        Object errors = problem.get("errors");
        return errors == null ? Map.of() : Map.of("errors", errors);
    }
}
