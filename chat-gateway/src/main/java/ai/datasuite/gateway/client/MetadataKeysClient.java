package ai.datasuite.gateway.client;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteNotReachedException;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * metadata-service's key store behind timeout, retry and circuit breaker. Reads and deletes are idempotent and
 * retried; a create is retried only when it certainly never arrived (a retried create that did arrive would answer
 * 409 for a key nobody was shown). 4xx answers are not retried and not counted by the breaker; 404 becomes "absent".
 * Numbers in application.properties ({@code quarkus.fault-tolerance."ai.datasuite.gateway.client.MetadataKeysClient"...}).
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class MetadataKeysClient extends RemoteDependency {

    public static final String SERVICE = "metadata-service";

    private final MetadataKeysApi api;
    private final IdentityTokens tokens;

    public MetadataKeysClient(@RestClient MetadataKeysApi api, IdentityTokens tokens,
                              @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
        this.tokens = tokens;
    }

    /** Stores a new key's hash for the calling admin (their identity is propagated). */
    @Retry(retryOn = RemoteNotReachedException.class, abortOn = RemoteRejectedException.class)
    public StoredKey create(NewStoredKey key) {
        return RemoteCalls.call(this, () -> api.create(key));
    }

    public StoredKeyPage list(String userId, int page, int size) {
        return RemoteCalls.call(this, () -> api.list(userId, page, size));
    }

    public Optional<StoredKey> get(String id) {
        return RemoteCalls.absentOn404(this, () -> api.get(id));
    }

    /** False when there was no such key. */
    public boolean delete(String id) {
        return RemoteCalls.absentOn404(this, () -> {
            api.delete(id);
            return Boolean.TRUE;
        }).isPresent();
    }

    /**
     * The key with this hash, or empty. Asked with the gateway's own service identity: the caller is not known yet
     * (this call is how it becomes known). Short timeout: every request with an uncached key waits for it.
     */
    @Timeout
    @Retry(abortOn = RemoteRejectedException.class) // once: a caller is waiting
    public Optional<StoredKey> lookup(String keyHash) {
        return RemoteCalls.absentOn404(this, () -> api.lookup(keyHash, "Bearer " + tokens.mintForService()));
    }
}
