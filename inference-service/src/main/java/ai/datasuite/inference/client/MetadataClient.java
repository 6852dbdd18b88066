package ai.datasuite.inference.client;

import java.net.ConnectException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.GenericType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * metadata-service's comment endpoints behind timeout, retry and circuit breaker.
 * <p>
 * Reads and the label update (same body, same outcome) are idempotent and retried on any failure of the dependency.
 * Creating a comment, claiming and posting results are not: a retry after an attempt that arrived but whose answer was
 * lost would store the comment twice, lease a second batch, or count a failure twice. Those are retried only when the
 * request certainly never arrived ({@link MetadataNotReachedException}); a timeout is not retried because the first
 * attempt may still commit. A lost claim or results answer costs only time: the lease expires and the rows come back.
 * <p>
 * A 404 becomes an empty Optional and other 4xx a {@link MetadataRejectedException} inside the breaker, so neither
 * counts as a failure of the dependency.
 */
@ApplicationScoped
@MetadataCall
public class MetadataClient {

    private final MetadataApi api;
    private final String baseUrl;

    public MetadataClient(@RestClient MetadataApi api,
                          @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        this.api = api;
        this.baseUrl = baseUrl;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = MetadataNotReachedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public RemoteComment create(NewRemoteComment comment) {
        return call(() -> api.create(comment));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = MetadataRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public Optional<RemoteComment> get(long num) {
        return absentOn404(() -> api.get(num));
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = MetadataRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public RemoteCommentPage list(CommentFilter filter, int page, int size) {
        return call(() -> api.list(filter.user(), filter.predictedLabel(), filter.trueLabel(), filter.labelled(),
                filter.status(), filter.from(), filter.to(), page, size));
    }

    /** Sets the true label; empty when the comment does not exist. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = MetadataRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public Optional<RemoteComment> label(long num, LabelUpdate update) {
        return absentOn404(() -> api.label(num, update));
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = MetadataNotReachedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public Claims.Answer claim(Claims.Request request) {
        return call(() -> api.claim(request));
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = MetadataNotReachedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public Results.Answer results(Results.Request request) {
        return call(() -> api.results(request));
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = MetadataRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = MetadataRejectedException.class)
    public RemoteStats stats(String from, String to) {
        return call(() -> api.stats(from, to));
    }

    private <T> Optional<T> absentOn404(Supplier<T> remote) {
        try {
            return Optional.of(call(remote));
        } catch (MetadataRejectedException e) {
            if (e.remoteStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private <T> T call(Supplier<T> remote) {
        try {
            return remote.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new MetadataRejectedException(status, problemOf(e));
            }
            throw new MetadataUnavailableException(baseUrl, "it answered " + status, false, e);
        } catch (ProcessingException e) {
            if (neverReached(e)) {
                throw new MetadataNotReachedException(baseUrl, "connection refused", e);
            }
            throw new MetadataUnavailableException(baseUrl, "the call failed: " + rootMessage(e), false, e);
        }
    }

    private static boolean neverReached(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
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
