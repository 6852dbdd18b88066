package ai.datasuite.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.config.UpstreamsConfig;

/**
 * The services' own OpenAPI documents ({@code gateway.upstreams.*} + {@code gateway.openapi.upstream-document}),
 * fetched when a request needs them and reused for {@code gateway.openapi.refresh}. A service that cannot be fetched is left out, and tried again by a request
 * after {@code retry-after}; one that was fetched before keeps its last document meanwhile (a restart does not
 * change the routes). Plain JDK HTTP: these are open endpoints, no identity is signed onto the call.
 */
@ApplicationScoped
public class UpstreamDocuments {

    private static final Logger LOG = Logger.getLogger(UpstreamDocuments.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is known about one service's document: the last good one, and how the last attempt went. */
    public record Snapshot(Upstream upstream, String url, ObjectNode document, Instant fetchedAt, String problem,
                           Instant attemptedAt) {

        boolean due(Instant now, PublicOpenApiConfig config) {
            if (attemptedAt == null) {
                return true;
            }
            Duration wait = problem == null ? config.refresh() : config.retryAfter();
            return !now.isBefore(attemptedAt.plus(wait));
        }
    }

    private final PublicOpenApiConfig config;
    private final UpstreamsConfig upstreams;
    private final Clock clock;
    private final HttpClient http;
    private final Map<Upstream, Snapshot> snapshots = new ConcurrentHashMap<>();

    @Inject
    public UpstreamDocuments(PublicOpenApiConfig config, UpstreamsConfig upstreams) {
        this(config, upstreams, Clock.systemUTC());
    }

    UpstreamDocuments(PublicOpenApiConfig config, UpstreamsConfig upstreams, Clock clock) {
        this.config = config;
        this.upstreams = upstreams;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout()).build();
    }

    /**
     * Every service's snapshot, in {@link Upstream} order, after fetching those that are due (in parallel, each
     * bounded by the fetch timeout). Synchronized: concurrent requests wait for one round of fetches rather than
     * start their own.
     */
    public synchronized List<Snapshot> current() {
        Instant now = clock.instant();
        Map<Upstream, CompletableFuture<Snapshot>> fetches = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            Snapshot known = snapshots.get(upstream);
            if (known == null || known.due(now, config)) {
                fetches.put(upstream, fetch(upstream, known, now));
            }
        }
        fetches.forEach((upstream, fetch) -> snapshots.put(upstream, fetch.join()));
        List<Snapshot> current = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            current.add(snapshots.get(upstream));
        }
        return current;
    }

    private CompletableFuture<Snapshot> fetch(Upstream upstream, Snapshot known, Instant now) {
        String name = upstream.service();
        String url = upstream.url(upstreams) + config.upstreamDocument();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(config.fetchTimeout())
                    .header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(failed(upstream, url, known, now,
                    "invalid URL: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    ObjectNode document = read(response);
                    if (known == null || known.problem() != null) {
                        LOG.infof("OpenAPI: fetched the document of %s from %s", name, url);
                    }
                    return new Snapshot(upstream, url, document, now, null, now);
                })
                // the request timeout covers the headers only; this bounds reading the body too
                .orTimeout(config.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> failed(upstream, url, known, now, reason(e)));
    }

    private Snapshot failed(Upstream upstream, String url, Snapshot known, Instant now, String problem) {
        LOG.warnf("OpenAPI: cannot fetch the document of %s from %s (%s); %s", upstream.service(), url, problem,
                known != null && known.document() != null ? "keeping the one fetched at " + known.fetchedAt()
                        : "its paths are left out until it answers");
        return new Snapshot(upstream, url, known == null ? null : known.document(),
                known == null ? null : known.fetchedAt(), problem, now);
    }

    private ObjectNode read(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(config.maxDocumentBytes() + 1);
            if (bytes.length > config.maxDocumentBytes()) {
                throw new IllegalStateException("larger than " + config.maxDocumentBytes()
                        + " bytes (gateway.openapi.max-document-bytes)");
            }
            JsonNode document = JSON.readTree(bytes);
            if (document == null || !document.isObject() || !document.path("paths").isObject()) {
                throw new IllegalStateException("not an OpenAPI document in JSON (no 'paths' object)");
            }
            return (ObjectNode) document;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable: " + e.getMessage(), e);
        }
    }

    private String reason(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + config.fetchTimeout().toMillis() + " ms";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
