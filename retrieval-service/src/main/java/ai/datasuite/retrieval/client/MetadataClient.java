package ai.datasuite.retrieval.client;

import java.util.List;
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
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * metadata-service's dataset catalogue behind timeout, retry and circuit breaker. Every call is idempotent (the create
 * carries the id retrieval-service chose, and metadata answers 200 to the same body again), so all are retried on
 * failures of the dependency; 4xx answers are not retried and not counted by the breaker, and 404 becomes "absent".
 * The timeouts, retries and breaker thresholds are in application.properties
 * ({@code quarkus.fault-tolerance."ai.datasuite.retrieval.client.MetadataClient"...}).
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class MetadataClient extends RemoteDependency {

    public static final String SERVICE = "metadata-service";

    private final MetadataApi api;
    private final IdentityTokens tokens;

    public MetadataClient(@RestClient MetadataApi api,
                          @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl,
                          IdentityTokens tokens) {
        super(SERVICE, baseUrl);
        this.api = api;
        this.tokens = tokens;
    }

    public RemoteDataset create(NewRemoteDataset dataset) {
        return RemoteCalls.call(this, () -> api.create(dataset));
    }

    public List<RemoteDataset> list(String owner, String fileId) {
        return RemoteCalls.call(this, () -> api.list(owner, fileId));
    }

    /** The catalogue entry as {@code hop} may see it: metadata answers 404 for a dataset it may not. */
    @Timeout // shorter than create's and list's (application.properties)
    public Optional<RemoteDataset> get(String id, Hop hop) {
        return RemoteCalls.absentOn404(this, () -> api.get(id, hop.authorization(tokens)));
    }

    /** Removes the catalogue entry; false when it was already gone. */
    @Timeout // shorter than create's and list's (application.properties)
    public boolean delete(String id) {
        return RemoteCalls.absentOn404(this, () -> {
            api.delete(id);
            return Boolean.TRUE;
        }).isPresent();
    }
}
