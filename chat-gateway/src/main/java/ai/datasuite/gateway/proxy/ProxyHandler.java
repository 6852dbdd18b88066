package ai.datasuite.gateway.proxy;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

import ai.datasuite.gateway.auth.RouteKeys;
import ai.datasuite.gateway.config.ProxyConfig;
import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.key.KeyHolder;
import ai.datasuite.gateway.limit.BodyLimit;
import ai.datasuite.gateway.limit.RateLimiter;
import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.problem.ProblemException;

/**
 * Every {@code /api/**} request: the gateway's own paths go on to its REST resources; public paths of a service are
 * checked (body size, API key, rate limit, breaker) and streamed to it by vertx-http-proxy, both ways, without
 * buffering; anything else is 404. The request is paused before the key check, so no body byte is lost while a
 * lookup is in flight; the proxy resumes it.
 */
@Singleton
public class ProxyHandler implements Handler<RoutingContext> {

    /** Refused bodies up to this size are read and dropped so the connection stays usable; larger ones close it. */
    private static final long DRAIN_MAX_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final RouteKeys keys;
    private final RateLimiter rateLimiter;
    private final BodyLimit bodyLimit;
    private final IdentityTokens tokens;
    private final ProxyConfig config;
    private final long ownMaxBodyBytes;

    public ProxyHandler(Vertx vertx, Upstreams upstreams, RouteKeys keys, RateLimiter rateLimiter,
                        BodyLimit bodyLimit, IdentityTokens tokens, ProxyConfig config,
                        @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize ownMaxBodySize) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.bodyLimit = bodyLimit;
        this.tokens = tokens;
        this.config = config;
        this.ownMaxBodyBytes = ownMaxBodySize.asLongValue();
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = context.normalizedPath();
        if (RouteTable.isOwn(path)) {
            if (contentLength(request) > ownMaxBodyBytes) {
                reject(context, new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Payload too large",
                        "The body is larger than this endpoint accepts (" + ownMaxBodyBytes + " bytes).", null));
            } else {
                context.next();
            }
            return;
        }
        Optional<Upstream> upstream = RouteTable.upstreamFor(path);
        if (upstream.isEmpty()) {
            reject(context, ProblemException.notFound("No endpoint " + request.method() + " " + path + ". The public"
                    + " API is described at /q/openapi (Swagger UI: /q/swagger-ui)."));
            return;
        }
        if (!path.equals(request.path())) {
            // Routing decides on the normalized path; the service must see that same path, never another one.
            reject(context, ProblemException.validation("The path has '.' or '..' segments or encoded characters"
                    + " that need no encoding; send it as " + path));
            return;
        }
        if (bodyLimit.exceededBy(request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
            reject(context, bodyLimit.tooLarge());
            return;
        }
        keys.check(request, holder -> forward(context, upstream.get(), holder), problem -> reject(context, problem));
    }

    private void forward(RoutingContext context, Upstream upstream, KeyHolder holder) {
        try {
            rateLimiter.consume(holder.keyId());
        } catch (ProblemException limited) {
            reject(context, limited);
            return;
        }
        Upstreams.Target target = upstreams.target(upstream);
        UpstreamBreaker breaker = upstreams.breaker(upstream);
        long openMillis = breaker.refusalMillis();
        if (openMillis > 0) {
            reject(context, UpstreamProblems.breakerOpen(target, openMillis));
            return;
        }
        HttpServerRequest request = context.request();
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            context.response().writeContinue();
        }
        String token;
        try {
            token = tokens.mint(holder.userId(), holder.role());
        } catch (RuntimeException e) {
            breaker.neutral();
            LOG.error("Cannot sign the caller's identity (is SUITE_IDENTITY_SIGNING_KEY set?)", e);
            reject(context, new ProblemException(500, ProblemException.INTERNAL, "Internal error",
                    "The gateway could not sign your identity for " + upstream.service() + "; the failure was"
                            + " logged. Report it to the operator.", null));
            return;
        }
        ProxyExchange exchange = new ProxyExchange(vertx, target, breaker, config, bodyLimit, token);
        HttpProxy.reverseProxy(upstreams.client()).origin(exchange).addInterceptor(exchange).handle(request);
    }

    /** Answers a problem without forwarding; an unread large body closes the connection instead of being read. */
    private static void reject(RoutingContext context, ProblemException problem) {
        HttpServerRequest request = context.request();
        boolean bodyPending = !request.isEnded() && (contentLength(request) > DRAIN_MAX_BYTES
                || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null);
        if (bodyPending) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            context.response().endHandler(done -> request.connection().close());
        }
        request.resume();
        VertxProblems.send(context.response(), problem);
    }

    private static long contentLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
