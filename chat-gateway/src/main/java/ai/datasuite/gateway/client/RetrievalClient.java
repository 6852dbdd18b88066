package ai.datasuite.gateway.client;

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
 * retrieval-service's document index behind timeout, retry and circuit breaker (numbers in application.properties,
 * {@code quarkus.fault-tolerance."ai.datasuite.gateway.client.RetrievalClient"...}). Every call is safe to repeat:
 * chunks are upserted by position, deletes and searches change nothing twice. Methods without a user carry the
 * current request's caller; those with {@code user, role} sign that identity (background work, the notice board's
 * admin indexing under {@code _public}).
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class RetrievalClient extends RemoteDependency {

    public static final String SERVICE = "retrieval-service";
    /** retrieval-service's limit of chunks per index call. */
    public static final int MAX_CHUNKS_PER_CALL = 256;

    private final RetrievalApi api;
    private final IdentityTokens tokens;

    public RetrievalClient(@RestClient RetrievalApi api, IdentityTokens tokens,
                           @ConfigProperty(name = "quarkus.rest-client.retrieval.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
        this.tokens = tokens;
    }

    /** Searches as the current request's caller. */
    public RetrievalSearchResult search(RetrievalSearchRequest request) {
        return RemoteCalls.call(this, () -> api.search(request, null));
    }

    /** Searches as {@code user} (no request around, e.g. a streamed answer's worker). */
    public RetrievalSearchResult search(RetrievalSearchRequest request, String user, String role) {
        return RemoteCalls.call(this, () -> api.search(request, bearer(user, role)));
    }

    /** Indexes one batch (at most {@link #MAX_CHUNKS_PER_CALL} chunks) as the current request's caller. */
    public RetrievalIndexResult index(RetrievalIndexRequest request) {
        return RemoteCalls.call(this, () -> api.index(request, null));
    }

    /** Indexes one batch as {@code user}. */
    public RetrievalIndexResult index(RetrievalIndexRequest request, String user, String role) {
        return RemoteCalls.call(this, () -> api.index(request, bearer(user, role)));
    }

    /** Removes a source's chunks as the current request's caller; 0 when it had none. */
    public long delete(String owner, String sourceFileId) {
        return RemoteCalls.call(this, () -> api.delete(owner, sourceFileId, null)).deleted();
    }

    /** Removes a source's chunks as {@code user}. */
    public long delete(String owner, String sourceFileId, String user, String role) {
        return RemoteCalls.call(this, () -> api.delete(owner, sourceFileId, bearer(user, role))).deleted();
    }

    private String bearer(String user, String role) {
        return "Bearer " + tokens.mint(user, role);
    }
}
