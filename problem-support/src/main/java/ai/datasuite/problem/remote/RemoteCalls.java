package ai.datasuite.problem.remote;

import java.net.ConnectException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.GenericType;

/**
 * Turns what a REST client call throws into {@link RemoteRejectedException} (4xx: the dependency answered, not its
 * failure) or {@link RemoteUnavailableException} (5xx, broken connection; {@link RemoteNotReachedException} when
 * refused). Called inside the fault-tolerance
 * annotations, so a rejection is neither retried nor counted by the breaker when they name it in
 * {@code abortOn}/{@code skipOn}.
 */
public final class RemoteCalls {

    private RemoteCalls() {
    }

    public static <T> T call(RemoteCall.Dependency dependency, Supplier<T> remote) {
        try {
            return remote.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new RemoteRejectedException(dependency.service(), status, problemOf(e));
            }
            throw new RemoteUnavailableException(dependency, "it answered " + status, status, false, e);
        } catch (ProcessingException e) {
            if (neverReached(e)) {
                throw new RemoteNotReachedException(dependency, e);
            }
            throw new RemoteUnavailableException(dependency, "the call failed", 0, false, e);
        }
    }

    /** A call whose 404 means "absent": empty instead of a rejection. */
    public static <T> Optional<T> absentOn404(RemoteCall.Dependency dependency, Supplier<T> remote) {
        try {
            return Optional.of(call(dependency, remote));
        } catch (RemoteRejectedException e) {
            if (e.remoteStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** True when the failure happened before the request could reach the other service (connection refused). */
    public static boolean neverReached(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> problemOf(WebApplicationException e) {
        try {
            Map<String, Object> body = e.getResponse().readEntity(new GenericType<Map<String, Object>>() { });
            return body == null ? Map.of() : body;
        } catch (RuntimeException unreadable) {
            return Map.of();
        }
    }
}
