package ai.datasuite.gateway.document;

import static ai.datasuite.gateway.proxy.VertxProblems.reject;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import ai.datasuite.gateway.auth.RouteKeys;
import ai.datasuite.gateway.client.IngestFile;
import ai.datasuite.gateway.config.ProxyConfig;
import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.key.KeyHolder;
import ai.datasuite.gateway.limit.BodyLimit;
import ai.datasuite.gateway.limit.RateLimiter;
import ai.datasuite.gateway.proxy.MeteredBody;
import ai.datasuite.gateway.proxy.Upstreams;
import ai.datasuite.gateway.proxy.VertxProblems;
import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.problem.ProblemException;

/**
 * {@code POST /api/upload}: the multipart body streams unchanged to ingest-service's {@code POST /api/v1/files} as
 * the key's user (never held whole here; the routed body limit applies as it passes), ingest's refusals come back
 * unchanged, and a stored file goes on to {@link DocumentIndexer}. A Vert.x route placed just before the proxy, since
 * a REST resource would read the whole body first. Documented by {@code rest.UploadResource}.
 */
@Singleton
public class UploadRoute {

    public static final String PATH = "/api/upload";
    static final String INGEST_PATH = "/api/v1/files";
    private static final Logger LOG = Logger.getLogger(UploadRoute.class);

    private final Vertx vertx;
    private final Upstreams.Target ingest;
    private final RouteKeys keys;
    private final RateLimiter rateLimiter;
    private final BodyLimit bodyLimit;
    private final IdentityTokens tokens;
    private final DocumentIndexer indexer;
    private final ObjectMapper json;
    private final ProxyConfig config;
    private final HttpClient client;

    public UploadRoute(Vertx vertx, Upstreams upstreams, RouteKeys keys, RateLimiter rateLimiter,
                       BodyLimit bodyLimit, IdentityTokens tokens, DocumentIndexer indexer, ObjectMapper json,
                       ProxyConfig config) {
        this.vertx = vertx;
        this.ingest = upstreams.target(Upstream.INGEST);
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.bodyLimit = bodyLimit;
        this.tokens = tokens;
        this.indexer = indexer;
        this.json = json;
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxPoolSize())
                .setKeepAlive(true)
                .setDecompressionSupported(false));
    }

    void init(@Observes Router router) {
        // Before the proxy (which would answer 404 for a path it does not route) and Quarkus's upload limit.
        router.post(PATH).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::handle);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (bodyLimit.exceededBy(request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
            reject(context, bodyLimit.tooLarge());
            return;
        }
        keys.check(request, holder -> forward(context, holder), problem -> reject(context, problem));
    }

    private void forward(RoutingContext context, KeyHolder holder) {
        HttpServerRequest request = context.request();
        try {
            rateLimiter.consume(holder.keyId());
        } catch (ProblemException limited) {
            reject(context, limited);
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            context.response().writeContinue();
        }
        Acting who = new Acting(holder.userId(), holder.role());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(ingest.host())
                .setPort(ingest.port()).setSsl(ingest.ssl()).setURI(INGEST_PATH)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.responseTimeout().toMillis());
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                reject(context, unavailable("it cannot be reached (" + opened.cause().getMessage() + ")"));
                return;
            }
            HttpClientRequest toIngest = opened.result();
            copy(request, toIngest, HttpHeaders.CONTENT_TYPE.toString());
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                toIngest.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            } else {
                toIngest.setChunked(true);
            }
            toIngest.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.mint(who.user(), who.role()));
            toIngest.putHeader("X-Forwarded-For", request.remoteAddress() == null ? "" : request.remoteAddress().host());
            AtomicBoolean exceeded = new AtomicBoolean();
            MeteredBody body = new MeteredBody(request, bodyLimit.maxBytes(), () -> exceeded.set(true), () -> { });
            toIngest.send(body).onComplete(sent -> {
                if (sent.failed()) {
                    reject(context, exceeded.get() ? bodyLimit.tooLarge()
                            : unavailable("the upload broke off (" + sent.cause().getMessage() + ")"));
                    return;
                }
                HttpClientResponse answer = sent.result();
                answer.body().onComplete(read -> {
                    if (read.failed()) {
                        reject(context, unavailable("its answer broke off"));
                    } else if (answer.statusCode() == 200 || answer.statusCode() == 201) {
                        stored(context, who, read.result());
                    } else {
                        passOn(context, answer, read.result());
                    }
                });
            });
        });
    }

    /** ingest stored the file (or had it): record and index it off the event loop, then answer. */
    private void stored(RoutingContext context, Acting who, Buffer answer) {
        vertx.executeBlocking(() -> indexer.afterUpload(who, json.readValue(answer.getBytes(), IngestFile.class)),
                false).onComplete(done -> {
                    if (done.failed()) {
                        reject(context, VertxProblems.of(done.cause(),
                                "The upload was stored but could not be indexed", LOG));
                        return;
                    }
                    UploadResult result = done.result();
                    var response = context.response().setStatusCode(result.httpStatus())
                            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
                    if (result.httpStatus() != 200) {
                        response.putHeader(HttpHeaders.LOCATION, result.location());
                    }
                    try {
                        response.end(Buffer.buffer(json.writeValueAsBytes(result)));
                    } catch (Exception e) {
                        reject(context, VertxProblems.of(e, "The answer could not be written", LOG));
                    }
                });
    }

    /** ingest's refusal (400, 403, 413, 415, 503...) as it answered it. */
    private static void passOn(RoutingContext context, HttpClientResponse answer, Buffer body) {
        var response = context.response().setStatusCode(answer.statusCode());
        if (!context.request().isEnded()) {
            // ingest refused before the whole body arrived: the rest is not read, the connection not reused
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(done -> context.request().connection().close());
        }
        for (String header : new String[] {"Content-Type", "Retry-After", "WWW-Authenticate"}) {
            String value = answer.getHeader(header);
            if (value != null) {
                response.putHeader(header, value);
            }
        }
        response.end(body);
    }

    private ProblemException unavailable(String reason) {
        String service = ingest.upstream().service();
        return new ProblemException(503, service + "-unavailable", service + " unavailable",
                service + " did not take the upload: " + reason + ". Retry; if it persists,"
                        + " check that it runs (./suite status).",
                Map.of("service", service, "retry_after_seconds", 5)).withHeader("Retry-After", "5");
    }

    private static void copy(HttpServerRequest from, HttpClientRequest to, String header) {
        String value = from.getHeader(header);
        if (value != null) {
            to.putHeader(header, value);
        }
    }


    @PreDestroy
    void close() {
        client.close();
    }
}
