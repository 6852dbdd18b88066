package ai.datasuite.ingest.client;

import java.net.ConnectException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.GenericType;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * metadata-service behind timeout, retry and circuit breaker. Every call here is idempotent (create carries our own
 * id), so all of them may be retried. A 404 becomes an empty Optional and other 4xx a {@link MetadataRejectedException}
 * inside the breaker, so that neither counts as a failure of the dependency.
 */
@ApplicationScoped
public class MetadataClient {

    private final MetadataApi api;

    public MetadataClient(@RestClient MetadataApi api) {
        this.api = api;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = MetadataRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public RemoteFile create(NewFile file, CreateAttempts attempts) {
        attempts.uncertain.incrementAndGet();
        try {
            return call(() -> api.create(file));
        } catch (MetadataUnavailableException e) {
            if (e.definitelyNotApplied()) {
                attempts.uncertain.decrementAndGet();
            }
            throw e;
        } catch (MetadataRejectedException e) {
            attempts.uncertain.decrementAndGet();
            throw e;
        }
    }

    /**
     * What the attempts of one create did; its retries share it. An attempt counts as uncertain from its start until
     * it is known not to have written anything, so one cut off by the timeout stays uncertain.
     */
    public static final class CreateAttempts {

        private final AtomicInteger uncertain = new AtomicInteger();

        /** False only when no attempt can have committed the row. */
        public boolean maybeApplied() {
            return uncertain.get() > 0;
        }
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = MetadataRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public Optional<RemoteFile> get(String id) {
        try {
            return Optional.of(call(() -> api.get(id)));
        } catch (MetadataRejectedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = MetadataRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public RemotePage list(FileFilter filter, int page, int size) {
        return call(() -> api.list(filter.ownerId(), filter.sha256(), filter.dataType(), filter.mediaType(),
                filter.tag(), filter.taskId(), filter.name(), page, size));
    }

    /** The stored file of this owner with these bytes, if any. */
    public Optional<RemoteFile> findByContent(String ownerId, String sha256) {
        List<RemoteFile> items = list(new FileFilter(ownerId, sha256, null, null, null, null, null), 0, 1).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    /** Deletes the row; false when it was already gone. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = MetadataRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public boolean delete(String id) {
        try {
            call(() -> {
                api.delete(id);
                return null;
            });
            return true;
        } catch (MetadataRejectedException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = MetadataRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public List<String> referenced(String bucket, List<String> keys) {
        return call(() -> api.references(new References.Query(bucket, keys))).referenced();
    }

    /** True when the failure happened before the request could reach metadata-service. */
    public static boolean neverReached(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static <T> T call(RemoteCall<T> call) {
        try {
            return call.run();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new MetadataRejectedException(status, problemOf(e));
            }
            throw new MetadataUnavailableException("metadata-service answered " + status, status, e);
        } catch (ProcessingException e) {
            throw new MetadataUnavailableException("metadata-service is unreachable: " + e.getMessage(), 0, e);
        }
    }

    private static Map<String, Object> problemOf(WebApplicationException e) {
        try {
            Map<String, Object> body = e.getResponse().readEntity(new GenericType<Map<String, Object>>() { });
            return body == null ? Map.of() : body;
        } catch (RuntimeException unreadable) {
            return Map.of();
        }
    }

    @FunctionalInterface
    private interface RemoteCall<T> {
        T run();
    }
}
