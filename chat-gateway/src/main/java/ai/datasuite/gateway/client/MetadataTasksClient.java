package ai.datasuite.gateway.client;

import java.util.Map;

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
 * metadata-service's task import and match behind timeout, retry and circuit breaker (numbers in
 * application.properties, {@code quarkus.fault-tolerance."ai.datasuite.gateway.client.MetadataTasksClient"...}).
 * Both are safe to repeat (an import of the same rows changes nothing, a match adds no link twice), so both are
 * retried. Background work: every call signs the given user's identity.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class MetadataTasksClient extends RemoteDependency {

    public static final String SERVICE = "metadata-service";
    static final String JSONL = "application/x-ndjson";

    /** metadata's import summary. */
    public record ImportedRows(int received, int created, int updated, int unchanged) {
    }

    private final MetadataTasksApi api;
    private final IdentityTokens tokens;

    public MetadataTasksClient(@RestClient MetadataTasksApi api, IdentityTokens tokens,
                               @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
        this.tokens = tokens;
    }

    /** Imports GAIA JSONL rows as {@code user}; invalid rows: {@link RemoteRejectedException} 400 with its errors. */
    public ImportedRows importJsonl(byte[] jsonl, String user, String role) {
        return RemoteCalls.call(this, () -> api.importJsonl(jsonl, bearer(user, role)));
    }

    /** Links tasks to stored files; metadata's match report as it answered it. */
    public Map<String, Object> match(String user, String role) {
        return RemoteCalls.call(this, () -> api.match(bearer(user, role)));
    }

    private String bearer(String user, String role) {
        return "Bearer " + tokens.mint(user, role);
    }
}
