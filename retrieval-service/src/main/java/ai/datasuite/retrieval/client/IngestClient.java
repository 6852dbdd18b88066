package ai.datasuite.retrieval.client;

import java.time.temporal.ChronoUnit;
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

/**
 * ingest-service behind timeout, retry and circuit breaker. Every call is idempotent and retried: ingest stores bytes
 * by content (the same bytes from the same user answer the existing record), reads are reads, and a repeated delete
 * finds nothing (404 becomes "absent"). 4xx answers are the caller's problem: not retried, not counted by the breaker.
 */
@ApplicationScoped
@RemoteCall
public class IngestClient implements RemoteCall.Dependency {

    public static final String SERVICE = "ingest-service";

    /** What an upload gave: the file and whether this call created it (false: the same bytes were already stored). */
    public record Upload(StoredFile file, boolean created) {
    }

    private final IngestApi api;
    private final String baseUrl;
    private final ObjectMapper json;

    public IngestClient(@RestClient IngestApi api, @ConfigProperty(name = "quarkus.rest-client.ingest.url") String baseUrl,
                        ObjectMapper json) {
        this.api = api;
        this.baseUrl = baseUrl;
        this.json = json;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    /** Stores the bytes as {@code fileName} for {@code userId} with the given data type and tags. */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = RemoteRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = RemoteRejectedException.class)
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
        RestResponse<StoredFile> answer = RemoteCalls.call(SERVICE, baseUrl, () -> api.upload(form));
        return new Upload(answer.getEntity(), answer.getStatus() == 201);
    }

    /** The stored bytes; empty when ingest has no such file. */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = RemoteRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = RemoteRejectedException.class)
    public Optional<byte[]> content(String fileId) {
        return RemoteCalls.absentOn404(SERVICE, baseUrl, () -> api.content(fileId));
    }

    /** Deletes the file (row, then objects); false when it was already gone. */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = RemoteRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = RemoteRejectedException.class)
    public boolean delete(String fileId) {
        return RemoteCalls.absentOn404(SERVICE, baseUrl, () -> {
            api.delete(fileId);
            return Boolean.TRUE;
        }).isPresent();
    }
}
