package ai.datasuite.retrieval.client;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * metadata-service's dataset catalogue behind timeout, retry and circuit breaker. Every call is idempotent (the create
 * carries the id retrieval-service chose, and metadata answers 200 to the same body again), so all are retried on
 * failures of the dependency; 4xx answers are not retried and not counted by the breaker, and 404 becomes "absent".
 */
@ApplicationScoped
@RemoteCall
public class MetadataClient implements RemoteCall.Dependency {

    public static final String SERVICE = "metadata-service";

    private final MetadataApi api;
    private final String baseUrl;

    public MetadataClient(@RestClient MetadataApi api,
                          @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        this.api = api;
        this.baseUrl = baseUrl;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = RemoteRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = RemoteRejectedException.class)
    public RemoteDataset create(NewRemoteDataset dataset) {
        return RemoteCalls.call(SERVICE, baseUrl, () -> api.create(dataset));
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = RemoteRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = RemoteRejectedException.class)
    public List<RemoteDataset> list(String owner, String fileId) {
        return RemoteCalls.call(SERVICE, baseUrl, () -> api.list(owner, fileId));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = RemoteRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = RemoteRejectedException.class)
    public Optional<RemoteDataset> get(String id) {
        return RemoteCalls.absentOn404(SERVICE, baseUrl, () -> api.get(id));
    }

    /** Removes the catalogue entry; false when it was already gone. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = RemoteRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = RemoteRejectedException.class)
    public boolean delete(String id) {
        return RemoteCalls.absentOn404(SERVICE, baseUrl, () -> {
            api.delete(id);
            return Boolean.TRUE;
        }).isPresent();
    }
}
