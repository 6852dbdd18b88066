package ai.datasuite.problem.remote;

/**
 * The request never reached the other service (connection refused): the one failure after which even a
 * non-idempotent call may be repeated, so such calls name this type in {@code @Retry(retryOn = ...)}.
 */
public class RemoteNotReachedException extends RemoteUnavailableException {

    public RemoteNotReachedException(RemoteCall.Dependency dependency, Throwable cause) {
        super(dependency, "connection refused", 0, true, cause);
    }
}
