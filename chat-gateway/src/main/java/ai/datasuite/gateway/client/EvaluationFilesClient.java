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
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * The bytes of an image an evaluation run sends as image content, read from ingest-service as the run's owner
 * (ingest's owner rules apply) behind timeout, retry and breaker (numbers in application.properties,
 * {@code quarkus.fault-tolerance."ai.datasuite.gateway.client.EvaluationFilesClient"...}). The caller checks the
 * file's size first: the bytes are held in memory.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class EvaluationFilesClient extends RemoteDependency {

    public static final String SERVICE = "ingest-service";

    private final EvaluationFilesApi api;
    private final IdentityTokens tokens;

    public EvaluationFilesClient(@RestClient EvaluationFilesApi api, IdentityTokens tokens,
                                 @ConfigProperty(name = "quarkus.rest-client.ingest.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
        this.tokens = tokens;
    }

    /** The file's bytes, or empty when it is unknown or not the user's to read. */
    public Optional<byte[]> content(String id, String user, String role) {
        return RemoteCalls.absentOn404(this, () -> api.content(id, "Bearer " + tokens.mint(user, role)));
    }
}
