package ai.datasuite.gateway.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * retrieval-service's collections (an index of arbitrary items) behind timeout, retry and circuit breaker
 * ({@code quarkus.fault-tolerance."ai.datasuite.gateway.client.RetrievalCollectionsClient"...}). An upsert by id and
 * a delete are safe to repeat, so every call is retried; embedding and t-SNE run on the CPU: the timeout is long.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class RetrievalCollectionsClient extends RemoteDependency {

    public static final String SERVICE = "retrieval-service";

    public record Item(String id, String text, Map<String, Object> payload) {
    }

    public record Items(List<Item> items) {
    }

    public record Upserted(String collection, int upserted, long count) {
    }

    public record Neighbour(String id, double score, Map<String, Object> payload) {
    }

    public record Similar(String collection, String id, List<Neighbour> neighbours) {

        public List<Neighbour> all() {
            return neighbours == null ? List.of() : neighbours;
        }
    }

    private final RetrievalCollectionsApi api;

    public RetrievalCollectionsClient(@RestClient RetrievalCollectionsApi api,
                                      @ConfigProperty(name = "quarkus.rest-client.retrieval.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
    }

    public Upserted upsert(String collection, List<Item> items, String authorization) {
        return RemoteCalls.call(this, () -> api.upsert(collection, new Items(items), authorization));
    }

    /** Deletes the collection; false when there was none. */
    public boolean delete(String collection, String authorization) {
        return RemoteCalls.absentOn404(this, () -> {
            api.delete(collection, authorization);
            return Boolean.TRUE;
        }).isPresent();
    }

    /** The item's nearest neighbours (itself excluded); empty when the item or the collection is unknown. */
    public Optional<Similar> similar(String collection, String id, int k, String authorization) {
        return RemoteCalls.absentOn404(this, () -> api.similar(collection, id, k, authorization));
    }

    /** The projection as {@code accept} (application/json, image/png or application/zip) asks. */
    public PassedBody projection(String collection, JsonNode request, String accept, String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(switch (accept) {
            case "image/png" -> api.projectionPng(collection, request, authorization);
            case "application/zip" -> api.projectionZip(collection, request, authorization);
            default -> api.projectionJson(collection, request, authorization);
        }));
    }

    /** The word map as {@code accept} (application/json, image/png or application/zip) asks. */
    public PassedBody wordMap(String collection, JsonNode request, String accept, String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(switch (accept) {
            case "image/png" -> api.wordMapPng(collection, request, authorization);
            case "application/zip" -> api.wordMapZip(collection, request, authorization);
            default -> api.wordMapJson(collection, request, authorization);
        }));
    }
}
