package ai.datasuite.gateway.openapi;

import java.time.Duration;

/** {@link PublicOpenApiConfig} with its defaults, for tests without Quarkus; fields to change what a test needs. */
class TestOpenApiConfig implements PublicOpenApiConfig {

    Duration refresh = Duration.ofMinutes(1);
    Duration retryAfter = Duration.ofSeconds(10);
    Duration fetchTimeout = Duration.ofSeconds(5);
    int maxDocumentBytes = 8 * 1024 * 1024;

    @Override
    public String path() {
        return "/q/openapi";
    }

    @Override
    public String title() {
        return "AI data suite API";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String serverUrl() {
        return "/";
    }

    @Override
    public String upstreamDocument() {
        return "/q/openapi?format=json";
    }

    @Override
    public Duration refresh() {
        return refresh;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public Duration fetchTimeout() {
        return fetchTimeout;
    }

    @Override
    public int maxDocumentBytes() {
        return maxDocumentBytes;
    }
}
