package ai.datasuite.gateway.client;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * Uploads a file from disk to ingest-service (streamed from the file, never held), behind timeout, retry and circuit
 * breaker ({@code quarkus.fault-tolerance."ai.datasuite.gateway.client.IngestUploadsClient"...}). Retrying is safe:
 * ingest answers the same owner's same bytes with the record it has. Signs the given user's identity.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class IngestUploadsClient extends RemoteDependency {

    public static final String SERVICE = "ingest-service";

    /** ingest's record of the file; {@code existed}: it had these bytes of this owner already (its 200). */
    public record Stored(IngestFile file, boolean existed) {
    }

    private final IngestUploadsApi api;
    private final IdentityTokens tokens;

    public IngestUploadsClient(@RestClient IngestUploadsApi api, IdentityTokens tokens,
                               @ConfigProperty(name = "quarkus.rest-client.ingest-uploads.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
        this.tokens = tokens;
    }

    /** Stores {@code file} as {@code name} for {@code user}; {@code metadataJson} is ingest's metadata part. */
    public Stored upload(String user, String role, String name, Path file, String metadataJson) {
        RestResponse<IngestFile> answer = RemoteCalls.call(this, () -> api.upload(ClientMultipartForm.create()
                .attribute("metadata", metadataJson, null)
                .binaryFileUpload("file", name, file.toString(), "application/octet-stream"),
                "Bearer " + tokens.mint(user, role)));
        return new Stored(answer.getEntity(), answer.getStatus() == 200);
    }
}
