package ai.datasuite.gateway.openapi;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The public OpenAPI document: how often the services' documents are fetched (from {@code gateway.upstreams.*}) and
 * what the document says about itself. Which of their paths are public is the proxy's {@code RouteTable}.
 */
@ConfigMapping(prefix = "gateway.openapi")
public interface PublicOpenApiConfig {

    /** Where the merged document is served (Swagger UI's {@code quarkus.swagger-ui.urls} points here). */
    @WithDefault("/q/openapi")
    String path();

    @WithDefault("AI data suite API")
    String title();

    @WithDefault("${quarkus.application.version:0.1.0}")
    String version();

    /** The server the document names: "/" is wherever the document is served from, i.e. the gateway itself. */
    @WithDefault("/")
    String serverUrl();

    /** Where every service serves its own document, as JSON. */
    @WithDefault("/q/openapi?format=json")
    String upstreamDocument();

    /** How long a fetched document is used before it is fetched again. */
    @WithDefault("1m")
    Duration refresh();

    /** After a failed fetch, how long before a request tries that service again (its part is left out meanwhile). */
    @WithDefault("10s")
    Duration retryAfter();

    /** How long one fetch of a service's document may take (connecting and reading). */
    @WithDefault("5s")
    Duration fetchTimeout();

    /** The largest document accepted from a service. */
    @WithDefault("8388608")
    int maxDocumentBytes();
}
