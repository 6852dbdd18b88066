package ai.datasuite.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import ai.datasuite.gateway.auth.PresentedKey;
import ai.datasuite.gateway.config.ProxyConfig;
import ai.datasuite.gateway.limit.BodyLimit;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * One proxied request, from the origin connection to the answer. Opens the connection to the service (retrying only
 * that: nothing is sent before it exists), swaps the caller's API key for the signed identity, meters the body,
 * times the answer from the end of the body, keeps the service's breaker, and turns the gateway's own failures into
 * problems. Everything runs on the request's event loop, so the state needs no locks.
 */
final class ProxyExchange implements OriginRequestProvider, ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ProxyExchange.class);

    private final Vertx vertx;
    private final Upstreams.Target target;
    private final UpstreamBreaker breaker;
    private final ProxyConfig config;
    private final BodyLimit bodyLimit;
    private final String bearerToken;

    private HttpClientRequest origin;
    private long timer = -1;
    private boolean timedOut;
    private boolean bodyTooLarge;
    private boolean answered;

    ProxyExchange(Vertx vertx, Upstreams.Target target, UpstreamBreaker breaker, ProxyConfig config,
                  BodyLimit bodyLimit, String bearerToken) {
        this.vertx = vertx;
        this.target = target;
        this.breaker = breaker;
        this.config = config;
        this.bodyLimit = bodyLimit;
        this.bearerToken = bearerToken;
    }

    /** The failure of opening a connection: the request was certainly not sent. */
    private static final class NotConnected extends RuntimeException {
        NotConnected(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        return connect(context.client(), 0).onSuccess(request -> {
            origin = request;
            // A reset (timeout, refused body) reaches the response future; without a handler Vert.x logs it as an error.
            request.exceptionHandler(handledThroughTheResponse -> { });
        });
    }

    private Future<HttpClientRequest> connect(HttpClient client, int attempt) {
        return client.request(target.requestOptions(config.connectTimeout().toMillis())).recover(failure -> {
            if (attempt >= config.connectRetries()) {
                return Future.failedFuture(new NotConnected(failure));
            }
            Promise<HttpClientRequest> retried = Promise.promise();
            vertx.setTimer(Math.max(1, config.connectRetryDelay().toMillis()),
                    id -> connect(client, attempt + 1).onComplete(retried));
            return retried.future();
        });
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        MultiMap headers = request.headers();
        // The services trust only the gateway's signature: the caller's key and credentials never travel on.
        headers.remove(PresentedKey.HEADER);
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.remove(HttpHeaders.EXPECT); // answered here (100 Continue) before the body is read
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        forwardedHeaders(incoming, headers);

        Body body = request.getBody();
        if (body == null) {
            startResponseTimer();
        } else {
            request.setBody(Body.body(new MeteredBody(body.stream(), bodyLimit.maxBytes(),
                    () -> bodyTooLarge = true, this::startResponseTimer), body.length()));
        }
        return context.sendRequest()
                .map(response -> {
                    answered();
                    breaker.success();
                    publicLocation(response);
                    return response;
                })
                .recover(failure -> {
                    answered();
                    return Future.succeededFuture(problemResponse(request, failure));
                });
    }

    /**
     * A service resolves a relative Location against the address it was called at (its own, internal one); the client
     * gets the same path on the gateway instead, relative, so the internal address never leaves.
     */
    private void publicLocation(ProxyResponse response) {
        String location = response.headers().get(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        try {
            java.net.URI uri = java.net.URI.create(location);
            if (uri.isAbsolute() && target.host().equalsIgnoreCase(uri.getHost()) && target.port() == uri.getPort()) {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                response.headers().set(HttpHeaders.LOCATION, uri.getRawQuery() == null ? path
                        : path + "?" + uri.getRawQuery());
            }
        } catch (IllegalArgumentException notAUri) {
            // passed on as the service wrote it
        }
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Future<Void> sent = context.sendResponse();
        if (bodyTooLarge) {
            // The rest of the refused body is still on its way: the connection cannot carry another request.
            HttpServerRequest incoming = context.request().proxiedRequest();
            sent.onComplete(done -> incoming.connection().close());
        }
        return sent;
    }

    private static void forwardedHeaders(HttpServerRequest incoming, MultiMap headers) {
        if (incoming.remoteAddress() != null) {
            String prior = headers.get("X-Forwarded-For");
            String client = incoming.remoteAddress().hostAddress();
            headers.set("X-Forwarded-For", prior == null || prior.isBlank() ? client : prior + ", " + client);
        }
        headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        }
    }

    private void startResponseTimer() {
        if (answered) {
            return; // the service answered before the body ended (e.g. it refused it early)
        }
        Duration timeout = config.responseTimeout();
        timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            timer = -1;
            timedOut = true;
            if (origin != null) {
                origin.reset(0, new TimeoutException("no answer within " + timeout));
            }
        });
    }

    private void answered() {
        answered = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** The gateway's answer when no answer came from the service; also keeps the breaker's count. */
    private ProxyResponse problemResponse(ProxyRequest request, Throwable failure) {
        HttpServerRequest incoming = request.proxiedRequest();
        ProblemException problem;
        if (bodyTooLarge) {
            breaker.neutral();
            problem = bodyLimit.tooLarge();
        } else if (incoming.response().closed()) {
            breaker.neutral(); // the caller went away; nobody is left to answer
            problem = UpstreamProblems.broken(target);
        } else if (failure instanceof NotConnected notConnected) {
            breaker.failure();
            problem = UpstreamProblems.unreachable(target, reason(notConnected.getCause()), 5);
        } else if (timedOut) {
            breaker.failure();
            problem = UpstreamProblems.timeout(target, config.responseTimeout());
        } else {
            breaker.failure();
            problem = UpstreamProblems.broken(target);
        }
        if (!bodyTooLarge) {
            // The caller's answer names the service only; where it was called goes to the operator's log.
            LOG.warnf("%s at %s: %s", target.upstream().service(), target.url(), problem.detail());
        }
        ProxyResponse response = request.release().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .setBody(Body.body(VertxProblems.body(problem)));
        problem.headers().forEach(response::putHeader);
        if (bodyTooLarge) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        return response;
    }

    private static String reason(Throwable failure) {
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof UnknownHostException) {
            return "unknown host";
        }
        if (failure instanceof TimeoutException || failure instanceof io.netty.channel.ConnectTimeoutException) {
            return "no connection in time";
        }
        return "could not connect: " + failure.getMessage();
    }
}
