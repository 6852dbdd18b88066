package ai.datasuite.gateway.openapi;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import ai.datasuite.problem.Problems;

/**
 * Serves the public document at {@code gateway.openapi.path} (/q/openapi) the way Quarkus serves its own:
 * YAML by default, JSON for {@code ?format=json} or {@code Accept: application/json}, and at {@code .json},
 * {@code .yaml} and {@code .yml} paths. Open like health: no API key needed to read the API's description.
 * smallrye-openapi's own endpoint is moved off this path in application.properties.
 */
@ApplicationScoped
public class PublicOpenApiRoute {

    private static final Logger LOG = Logger.getLogger(PublicOpenApiRoute.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicOpenApi openApi;
    private final PublicOpenApiConfig config;

    public PublicOpenApiRoute(PublicOpenApi openApi, PublicOpenApiConfig config) {
        this.openApi = openApi;
        this.config = config;
    }

    void register(@Observes Router router) {
        // blocking: a request may wait for the services' documents to be fetched
        router.route(config.path()).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .blockingHandler(ctx -> serve(ctx, null), false);
        router.route(config.path() + ".json").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .blockingHandler(ctx -> serve(ctx, Boolean.TRUE), false);
        for (String yaml : new String[] {".yaml", ".yml"}) {
            router.route(config.path() + yaml).method(HttpMethod.GET).method(HttpMethod.HEAD)
                    .blockingHandler(ctx -> serve(ctx, Boolean.FALSE), false);
        }
    }

    private void serve(RoutingContext ctx, Boolean asJson) {
        try {
            PublicOpenApi.Rendered rendered = openApi.current();
            boolean json = asJson != null ? asJson : wantsJson(ctx);
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE,
                    json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8");
            if (ctx.request().method() == HttpMethod.HEAD) {
                ctx.response().putHeader(HttpHeaders.CONTENT_LENGTH,
                        String.valueOf((json ? rendered.json() : rendered.yaml()).length)).end();
            } else {
                ctx.response().end(Buffer.buffer(json ? rendered.json() : rendered.yaml()));
            }
        } catch (RuntimeException e) {
            LOG.error("OpenAPI: cannot build the public document", e);
            byte[] body = problem(e);
            ctx.response().setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE).end(
                    Buffer.buffer(body));
        }
    }

    /** As Quarkus decides: the {@code format} query parameter first, then the Accept header; YAML otherwise. */
    static boolean wantsJson(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        if (format != null) {
            return format.equalsIgnoreCase("json");
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/json");
    }

    private static byte[] problem(RuntimeException e) {
        try {
            return JSON.writeValueAsBytes(Problems.body(500, "openapi-unavailable", "OpenAPI document unavailable",
                    "The public API document could not be built (" + e.getMessage() + "); the gateway's log has"
                            + " the cause. The API itself is not affected.", null));
        } catch (JsonProcessingException unexpected) {
            return ("{\"type\": \"" + Problems.TYPE_PREFIX + "openapi-unavailable\", \"status\": 500}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
