package ai.datasuite.gateway.proxy;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;

import ai.datasuite.gateway.config.ProxyConfig;
import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.config.UpstreamsConfig;

/**
 * The services behind the gateway: where each listens, its circuit breaker, and the one pooled HTTP client that
 * carries the proxied exchanges (a pool per service). Compression is left to the ends: bytes pass as they are.
 */
@Singleton
public class Upstreams {

    /** One service as the proxy reaches it. */
    public record Target(Upstream upstream, String url, String host, int port, boolean ssl) {

        RequestOptions requestOptions(long connectTimeoutMillis) {
            return new RequestOptions().setHost(host).setPort(port).setSsl(ssl).setConnectTimeout(connectTimeoutMillis);
        }
    }

    private final Map<Upstream, Target> targets = new EnumMap<>(Upstream.class);
    private final Map<Upstream, UpstreamBreaker> breakers = new EnumMap<>(Upstream.class);
    private final HttpClient client;

    public Upstreams(Vertx vertx, UpstreamsConfig upstreams, ProxyConfig config) {
        for (Upstream upstream : Upstream.values()) {
            URI uri = upstream.uri(upstreams);
            boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
            targets.put(upstream, new Target(upstream, upstream.url(upstreams), uri.getHost(), port, ssl));
            breakers.put(upstream, new UpstreamBreaker(config.breaker().failureThreshold(),
                    config.breaker().openDuration(), System::nanoTime));
        }
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxPoolSize())
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setDecompressionSupported(false)
                .setTryUseCompression(false));
    }

    public Target target(Upstream upstream) {
        return targets.get(upstream);
    }

    UpstreamBreaker breaker(Upstream upstream) {
        return breakers.get(upstream);
    }

    HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
