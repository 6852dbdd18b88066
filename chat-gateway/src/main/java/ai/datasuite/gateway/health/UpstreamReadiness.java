package ai.datasuite.gateway.health;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import ai.datasuite.gateway.config.HealthConfig;
import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.config.UpstreamsConfig;

/**
 * The gateway is ready only when every service behind it is: one readiness check per service, named after it, that
 * asks its {@code /q/health/ready} (within {@code gateway.health.upstream-timeout}) and reports its state and URL.
 */
@Singleton
public class UpstreamReadiness {

    private final UpstreamsConfig upstreams;
    private final Duration timeout;
    private final HttpClient client;

    public UpstreamReadiness(Vertx vertx, UpstreamsConfig upstreams, HealthConfig config) {
        this.upstreams = upstreams;
        this.timeout = config.upstreamTimeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setMaxPoolSize(2));
    }

    void register(@Observes StartupEvent started, @Readiness HealthRegistry readiness) {
        for (Upstream upstream : Upstream.values()) {
            readiness.register(upstream.service(), () -> check(upstream));
        }
    }

    Uni<HealthCheckResponse> check(Upstream upstream) {
        String url = upstream.url(upstreams) + "/q/health/ready";
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(upstream.service()).withData("url", url);
        return Uni.createFrom()
                .completionStage(() -> client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url))
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(body -> response.statusCode()))
                        .toCompletionStage())
                .ifNoItem().after(timeout).fail()
                .map(status -> answer.withData("http_status", status).status(status == 200).build())
                .onFailure().recoverWithItem(failure -> answer.down()
                        .withData("error", failure.getMessage() == null ? failure.getClass().getSimpleName()
                                : failure.getMessage())
                        .build());
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
