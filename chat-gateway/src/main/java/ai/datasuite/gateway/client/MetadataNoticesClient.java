package ai.datasuite.gateway.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteNotReachedException;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * metadata-service's notice board behind timeout, retry and circuit breaker (numbers in application.properties,
 * {@code quarkus.fault-tolerance."ai.datasuite.gateway.client.MetadataNoticesClient"...}). Calls run inside the
 * caller's request (their identity is propagated). A create is retried only when it certainly never arrived: a
 * repeated one would post the notice twice.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class MetadataNoticesClient extends RemoteDependency {

    public static final String SERVICE = "metadata-service";

    @Schema(name = "Notice")
    public record StoredNotice(String id, String title, String body, String author, Instant createdAt) {
    }

    @Schema(name = "NoticePage", description = "One page of notices, newest first")
    public record NoticePage(List<StoredNotice> items, int page, int size, long total) {
    }

    public record NewNotice(String title, String body) {
    }

    private final MetadataNoticesApi api;

    public MetadataNoticesClient(@RestClient MetadataNoticesApi api,
                                 @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
    }

    @Retry(retryOn = RemoteNotReachedException.class, abortOn = RemoteRejectedException.class)
    public StoredNotice create(NewNotice notice) {
        return RemoteCalls.call(this, () -> api.create(notice));
    }

    public NoticePage list(int page, int size) {
        return RemoteCalls.call(this, () -> api.list(page, size));
    }

    public Optional<StoredNotice> get(String id) {
        return RemoteCalls.absentOn404(this, () -> api.get(id));
    }

    /** False when there was none. */
    public boolean delete(String id) {
        return RemoteCalls.absentOn404(this, () -> {
            api.delete(id);
            return Boolean.TRUE;
        }).isPresent();
    }
}
