package ai.datasuite.ingest.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteRejectedException;
import ai.datasuite.problem.remote.RemoteUnavailableException;

/**
 * metadata-service behind timeout, retry and circuit breaker, whose numbers are in application.properties
 * ({@code quarkus.fault-tolerance."ai.datasuite.ingest.client.MetadataClient"...}). Every call here is idempotent
 * (create carries our own id), so all of them may be retried. A 404 becomes an empty Optional and other 4xx a
 * {@link RemoteRejectedException} inside the breaker, so that neither counts as a failure of the dependency; its
 * failures leave as 503 {@code dependency-unavailable}. The annotations are on the class, so every public method is a
 * single call of metadata-service (a method that called another would nest its retries).
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class MetadataClient extends RemoteDependency {

    private final MetadataApi api;

    public MetadataClient(@RestClient MetadataApi api,
                          @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        super("metadata-service", baseUrl);
        this.api = api;
    }

    /** The type ingest published before the common library named it {@code metadata-service-unavailable}. */
    @Override
    public String unavailableSlug() {
        return "dependency-unavailable";
    }

    /** Its own {@code @Timeout}, so that its longer timeout can be configured for this method alone. */
    @Timeout
    public RemoteFile create(NewFile file, CreateAttempts attempts) {
        attempts.uncertain.incrementAndGet();
        try {
            return RemoteCalls.call(this, () -> api.create(file));
        } catch (RemoteUnavailableException e) {
            if (e.definitelyNotApplied()) {
                attempts.uncertain.decrementAndGet();
            }
            throw e;
        } catch (RemoteRejectedException e) {
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

    public Optional<RemoteFile> get(String id) {
        return RemoteCalls.absentOn404(this, () -> api.get(id));
    }

    public RemotePage list(FileFilter filter, int page, int size) {
        return RemoteCalls.call(this, () -> api.list(filter.ownerId(), filter.sha256(), filter.dataType(),
                filter.mediaType(), filter.tag(), filter.taskId(), filter.name(), page, size));
    }

    /** Deletes the row; false when it was already gone. */
    public boolean delete(String id) {
        return RemoteCalls.absentOn404(this, () -> {
            api.delete(id);
            return true;
        }).isPresent();
    }

    /** Its own {@code @Timeout}, as {@link #create}: a batch of keys may take longer than one look-up. */
    @Timeout
    public List<String> referenced(String bucket, List<String> keys) {
        return RemoteCalls.call(this, () -> api.references(new References.Query(bucket, keys))).referenced();
    }
}
