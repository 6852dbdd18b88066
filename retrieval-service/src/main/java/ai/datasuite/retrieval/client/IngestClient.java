package ai.datasuite.retrieval.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import io.vertx.core.buffer.Buffer;

import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * ingest-service behind timeout, retry and circuit breaker. Every call is idempotent and retried: ingest stores bytes
 * by content (the same bytes from the same user answer the existing record), reads are reads, and a repeated delete
 * finds nothing (404 becomes "absent"). 4xx answers are the caller's problem: not retried, not counted by the breaker.
 * The timeouts, retries and breaker thresholds are in application.properties
 * ({@code quarkus.fault-tolerance."ai.datasuite.retrieval.client.IngestClient"...}).
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class IngestClient extends RemoteDependency {

    public static final String SERVICE = "ingest-service";

    /** What an upload gave: the file and whether this call created it (false: the same bytes were already stored). */
    public record Upload(StoredFile file, boolean created) {
    }

    private final IngestApi api;
    private final ObjectMapper json;
    private final IdentityTokens tokens;

    public IngestClient(@RestClient IngestApi api, @ConfigProperty(name = "quarkus.rest-client.ingest.url") String baseUrl,
                        ObjectMapper json, IdentityTokens tokens) {
        super(SERVICE, baseUrl);
        this.api = api;
        this.json = json;
        this.tokens = tokens;
    }

    /** Stores the bytes as {@code fileName} for {@code userId} with the given data type and tags. */
    public Upload upload(byte[] bytes, String fileName, String mediaType, String userId, String dataType,
                         List<String> tags) {
        String metadata;
        try {
            metadata = json.writeValueAsString(Map.of("user_id", userId, "data_type", dataType, "tags", tags));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
        ClientMultipartForm form = ClientMultipartForm.create()
                .binaryFileUpload("file", fileName, Buffer.buffer(bytes), mediaType)
                .attribute("metadata", metadata, null);
        RestResponse<StoredFile> answer = RemoteCalls.call(this, () -> api.upload(form));
        return new Upload(answer.getEntity(), answer.getStatus() == 201);
    }

    /** The stored bytes; empty when ingest has no such file (or none {@code hop} may read). */
    public Optional<byte[]> content(String fileId, Hop hop) {
        return RemoteCalls.absentOn404(this, () -> api.content(fileId, hop.authorization(tokens)));
    }

    /** Deletes the file (row, then objects); false when it was already gone. */
    @Timeout // shorter than the uploads' and reads' (application.properties)
    public boolean delete(String fileId) {
        return RemoteCalls.absentOn404(this, () -> {
            api.delete(fileId);
            return Boolean.TRUE;
        }).isPresent();
    }
}
