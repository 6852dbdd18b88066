package ai.datasuite.inference.client;

import java.util.Map;

import ai.datasuite.problem.ProblemException;

/**
 * metadata-service answered 4xx: not a failure of the dependency, so never retried nor counted by the breaker. A 400
 * (and 404) concerns the caller's input and reaches the caller as ours, with metadata's detail; anything else is a
 * disagreement between the services and answers 502.
 */
public class MetadataRejectedException extends ProblemException {

    private final int remoteStatus;

    public MetadataRejectedException(int remoteStatus, Map<String, Object> problem) {
        super(status(remoteStatus), slug(remoteStatus), title(remoteStatus), detail(remoteStatus, problem),
                extensions(problem));
        this.remoteStatus = remoteStatus;
    }

    public int remoteStatus() {
        return remoteStatus;
    }

    private static int status(int remote) {
        return remote == 400 || remote == 404 ? remote : 502;
    }

    private static String slug(int remote) {
        return switch (remote) {
            case 400 -> VALIDATION;
            case 404 -> NOT_FOUND;
            default -> "metadata-rejected";
        };
    }

    private static String title(int remote) {
        return switch (remote) {
            case 400 -> "Invalid request";
            case 404 -> "Not found";
            default -> "metadata-service rejected the request";
        };
    }

    private static String detail(int remote, Map<String, Object> problem) {
        Object detail = problem.get("detail");
        if (remote == 400 || remote == 404) {
            return detail == null ? "metadata-service answered " + remote : String.valueOf(detail);
        }
        return "metadata-service rejected a request of inference-service (" + remote + ")"
                + (detail == null ? "" : ": " + detail);
    }

    // Field-level errors of metadata's validation problem are useful to the caller; other members are not ours.
    private static Map<String, Object> extensions(Map<String, Object> problem) {
        Object errors = problem.get("errors");
        return errors == null ? Map.of() : Map.of("errors", errors);
    }
}
