package ai.datasuite.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the services behind the gateway listen (base URLs without a path), e.g.
 * {@code gateway.upstreams.ingest=http://ingest-service:8081} or {@code GATEWAY_UPSTREAMS_INGEST}. Read through
 * {@link Upstream#url(UpstreamsConfig)} when the service is a variable.
 */
@ConfigMapping(prefix = "gateway.upstreams")
public interface UpstreamsConfig {

    /** ingest-service: {@code /api/v1/files}. */
    @WithDefault("http://127.0.0.1:8081")
    String ingest();

    /** metadata-service: {@code /api/v1/tasks}, and the key store the gateway calls itself. */
    @WithDefault("http://127.0.0.1:8082")
    String metadata();

    /** inference-service: predictions, comments, jobs, classifiers. */
    @WithDefault("http://127.0.0.1:8083")
    String inference();

    /** retrieval-service: models, datasets, documents. */
    @WithDefault("http://127.0.0.1:8084")
    String retrieval();
}
