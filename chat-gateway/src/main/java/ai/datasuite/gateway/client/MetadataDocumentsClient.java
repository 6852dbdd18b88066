package ai.datasuite.gateway.client;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * metadata-service's document records behind timeout, retry and circuit breaker (numbers in application.properties,
 * {@code quarkus.fault-tolerance."ai.datasuite.gateway.client.MetadataDocumentsClient"...}). Every call is safe to
 * repeat (a create answers the existing record for the same owner and file). Each call signs the given user's
 * identity: indexing goes on after the response.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class MetadataDocumentsClient extends RemoteDependency {

    public static final String SERVICE = "metadata-service";

    /** A document record; also the gateway's public view of a document. */
    @Schema(name = "Document")
    public record StoredDocument(
            String id, String owner, String fileId, String name, String dataType,
            @Schema(enumeration = {"indexing", "ready", "failed"}) String status,
            @Schema(description = "Total chunks, null until known", nullable = true) Integer chunks,
            int chunksIndexed,
            @Schema(description = "chunks_indexed / chunks (0..1)", nullable = true) Double progress,
            @Schema(description = "Why indexing failed", nullable = true) String error,
            Instant createdAt, Instant updatedAt) {
    }

    /** One page of documents, newest first. */
    @Schema(name = "DocumentPage")
    public record DocumentPage(List<StoredDocument> items, int page, int size, long total) {
    }

    public record NewDocument(String fileId, String name, String dataType, String owner) {
    }

    /** Fields left null stay as they are. */
    public record DocumentPatch(String status, Integer chunks, Integer chunksIndexed, String error) {
    }

    /** A create's answer: the record and whether it is new. */
    public record Created(StoredDocument document, boolean created) {
    }

    private final MetadataDocumentsApi api;
    private final IdentityTokens tokens;

    public MetadataDocumentsClient(@RestClient MetadataDocumentsApi api, IdentityTokens tokens,
                                   @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
        this.tokens = tokens;
    }

    public Created create(NewDocument document, String user, String role) {
        return RemoteCalls.call(this, () -> {
            RestResponse<StoredDocument> response = api.create(document, bearer(user, role));
            return new Created(response.getEntity(), response.getStatus() == 201);
        });
    }

    /** {@code owner} null: everyone's for an admin or a service, the user's own otherwise. */
    public DocumentPage list(String owner, String status, int page, int size, String user, String role) {
        return RemoteCalls.call(this, () -> api.list(owner, status, page, size, bearer(user, role)));
    }

    /** file id → document id for {@code owner}'s documents of these files (at most 50 ids). */
    public Map<String, String> documentIdsOfFiles(String owner, List<String> fileIds, String user, String role) {
        if (fileIds.isEmpty()) {
            return Map.of();
        }
        DocumentPage page = RemoteCalls.call(this, () -> api.ofFiles(owner, fileIds, fileIds.size(),
                bearer(user, role)));
        Map<String, String> ids = new HashMap<>();
        page.items().forEach(d -> ids.put(d.fileId(), d.id()));
        return ids;
    }

    /** Every document in {@code status}, asked with the gateway's service identity (start-up recovery). */
    public DocumentPage listAsService(String status, int page, int size) {
        return RemoteCalls.call(this, () -> api.list(null, status, page, size, "Bearer " + tokens.mintForService()));
    }

    /** Empty when unknown or not visible to the user. */
    public Optional<StoredDocument> get(String id, String user, String role) {
        return RemoteCalls.absentOn404(this, () -> api.get(id, bearer(user, role)));
    }

    /** Empty when the document is gone (deleted while it was indexed). */
    public Optional<StoredDocument> update(String id, DocumentPatch patch, String user, String role) {
        return RemoteCalls.absentOn404(this, () -> api.update(id, patch, bearer(user, role)));
    }

    /** False when there was none. */
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
