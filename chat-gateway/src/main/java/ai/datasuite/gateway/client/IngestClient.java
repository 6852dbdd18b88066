package ai.datasuite.gateway.client;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;

import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * ingest-service's files behind timeout, retry and circuit breaker (numbers in application.properties,
 * {@code quarkus.fault-tolerance."ai.datasuite.gateway.client.IngestClient"...}). Reads and deletes are retried;
 * {@link #store} too, since ingest answers the same owner's same bytes with the existing record. Every method signs
 * the given user's identity explicitly: they are used by background work (indexing, fine-tuning) as well.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class IngestClient extends RemoteDependency {

    public static final String SERVICE = "ingest-service";

    private final IngestApi api;
    private final IdentityTokens tokens;
    private final ObjectMapper json;

    public IngestClient(@RestClient IngestApi api, IdentityTokens tokens, ObjectMapper json,
                        @ConfigProperty(name = "quarkus.rest-client.ingest.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
        this.tokens = tokens;
        this.json = json;
    }

    /**
     * Stores a small generated file (e.g. a fine-tuning JSONL) as {@code user}; the bytes are held in memory, so
     * this is not for users' uploads. Returns ingest's record (the existing one for the same bytes).
     */
    public IngestFile store(String user, String role, String name, byte[] bytes, String dataType) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("data_type", dataType);
        metadata.put("user_id", user);
        String metadataJson;
        try {
            metadataJson = json.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return RemoteCalls.call(this, () -> api.upload(ClientMultipartForm.create()
                .attribute("metadata", metadataJson, null)
                .binaryFileUpload("file", name, Buffer.buffer(bytes), "application/octet-stream"),
                bearer(user, role)));
    }

    /** The file's record, or empty when it is unknown or not the user's. */
    public Optional<IngestFile> get(String id, String user, String role) {
        return RemoteCalls.absentOn404(this, () -> api.get(id, bearer(user, role)));
    }

    /**
     * The file's extracted text (UTF-8); empty when the file is unknown or has no text (ingest answers 404 to both).
     * The caller closes the stream.
     */
    public Optional<InputStream> text(String id, String user, String role) {
        return RemoteCalls.absentOn404(this, () -> api.text(id, bearer(user, role)));
    }

    /** Deletes the file; false when there was none (or not the user's). */
    public boolean delete(String id, String user, String role) {
        return RemoteCalls.absentOn404(this, () -> {
            api.delete(id, bearer(user, role));
            return Boolean.TRUE;
        }).isPresent();
    }

    private String bearer(String user, String role) {
        return "Bearer " + tokens.mint(user, role);
    }
}
