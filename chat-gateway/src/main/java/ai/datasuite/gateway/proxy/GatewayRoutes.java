package ai.datasuite.gateway.proxy;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;

/**
 * Puts {@link ProxyHandler} in front of every {@code /api/**} request on Quarkus's router: after CORS and the
 * security handlers, just before Quarkus's own upload-size check (so routed uploads meet the gateway's limit, and the
 * gateway's own endpoints Quarkus's) and the REST resources.
 */
@Singleton
public class GatewayRoutes {

    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    void init(@Observes Router router, ProxyHandler handler) {
        router.route("/api/*").order(ORDER).handler(handler);
    }
}
