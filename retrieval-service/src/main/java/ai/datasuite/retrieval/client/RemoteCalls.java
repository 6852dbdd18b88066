package ai.datasuite.retrieval.client;

import java.net.ConnectException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.GenericType;

/** Turns what a REST client call throws into {@link RemoteRejectedException} or {@link RemoteUnavailableException}. */
final class RemoteCalls {

    private RemoteCalls() {
    }

    static <T> T call(String service, String baseUrl, Supplier<T> remote) {
        try {
            return remote.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new RemoteRejectedException(service, status, problemOf(e));
            }
            throw new RemoteUnavailableException(service, baseUrl, "it answered " + status, false, e);
        } catch (ProcessingException e) {
            boolean refused = neverReached(e);
            throw new RemoteUnavailableException(service, baseUrl,
                    refused ? "connection refused" : "the call failed: " + rootMessage(e), refused, e);
        }
    }

    static <T> Optional<T> absentOn404(String service, String baseUrl, Supplier<T> remote) {
        try {
            return Optional.of(call(service, baseUrl, remote));
        } catch (RemoteRejectedException e) {
            if (e.remoteStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean neverReached(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
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
