package ai.datasuite.gateway.client;

import java.io.InputStream;
import java.util.Optional;

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

/**
 * Downloads a stored file's bytes from ingest-service (streamed, never held), behind timeout, retry and circuit
 * breaker ({@code quarkus.fault-tolerance."ai.datasuite.gateway.client.IngestContentClient"...}); the ingest-uploads
 * connection's long read timeout suits large files.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class IngestContentClient extends RemoteDependency {

    public static final String SERVICE = "ingest-service";

    private final IngestContentApi api;

    public IngestContentClient(@RestClient IngestContentApi api,
                               @ConfigProperty(name = "quarkus.rest-client.ingest-uploads.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
    }

    /** The file's bytes, or empty when it is unknown or not the caller's; the caller closes the stream. */
    public Optional<InputStream> content(String id, String authorization) {
        return RemoteCalls.absentOn404(this, () -> api.content(id, authorization));
    }
}
