package ai.datasuite.gateway.openapi;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import ai.datasuite.gateway.config.Upstream;

/**
 * The public OpenAPI document: which paths of each service are public, how often the services' documents are fetched
 * (from {@code gateway.upstreams.*}), and what the document says about itself.
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

    /**
     * The path prefixes the gateway routes to each service: a path is public when it equals one or lies below it.
     * A service's other paths (metadata's files, datasets, comments and keys) are internal and left out.
     */
    PublicPaths publicPaths();

    interface PublicPaths {

        @WithDefault("/api/v1/files")
        List<String> ingest();

        @WithDefault("/api/v1/tasks")
        List<String> metadata();

        @WithDefault("/api/v1/predict,/api/v1/comments,/api/v1/jobs,/api/v1/classifiers")
        List<String> inference();

        @WithDefault("/api/v1/models,/api/v1/datasets,/api/v1/documents")
        List<String> retrieval();

        default List<String> of(Upstream upstream) {
            return switch (upstream) {
                case INGEST -> ingest();
                case METADATA -> metadata();
                case INFERENCE -> inference();
                case RETRIEVAL -> retrieval();
            };
        }
    }
}
