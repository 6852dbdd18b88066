package ai.datasuite.gateway.config;

import java.net.URI;

/** The services the gateway routes to, by the name users and operators know them by. */
public enum Upstream {

    INGEST("ingest-service"),
    METADATA("metadata-service"),
    INFERENCE("inference-service"),
    RETRIEVAL("retrieval-service");

    private final String service;

    Upstream(String service) {
        this.service = service;
    }

    /** e.g. {@code ingest-service}: named in problems, health checks and logs. */
    public String service() {
        return service;
    }

    /** The configured base URL, without a trailing slash. */
    public String url(UpstreamsConfig config) {
        String url = switch (this) {
            case INGEST -> config.ingest();
            case METADATA -> config.metadata();
            case INFERENCE -> config.inference();
            case RETRIEVAL -> config.retrieval();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The configured base URL, parsed (host, port, scheme). */
    public URI uri(UpstreamsConfig config) {
        return URI.create(url(config));
    }
}
