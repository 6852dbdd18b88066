package ai.datasuite.gateway.openapi;

import static ai.datasuite.gateway.openapi.UpstreamFixtures.INFERENCE;
import static ai.datasuite.gateway.openapi.UpstreamFixtures.RETRIEVAL;
import static ai.datasuite.gateway.openapi.UpstreamFixtures.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import ai.datasuite.testsupport.FakeHttpServer;

/**
 * The four services as far as the public document needs them: each serves its OpenAPI document at
 * {@code /q/openapi?format=json}, as Quarkus does, without asking for an identity. inference-service answers 503 until
 * a test sends {@code POST /fake/up} to it (over HTTP, so no state is shared across class loaders);
 * {@code GET /fake/fetches} counts the document's fetches.
 */
public class FakeOpenApiUpstreams implements QuarkusTestResourceLifecycleManager {

    private final List<FakeHttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        return Map.of(
                "gateway.upstreams.ingest", serve(contract("ingest-service"), true),
                "gateway.upstreams.metadata", serve(contract("metadata-service"), true),
                "gateway.upstreams.inference", serve(INFERENCE, false),
                "gateway.upstreams.retrieval", serve(RETRIEVAL, true),
                // a request after a failed fetch tries again at once
                "gateway.openapi.retry-after", "0s");
    }

    private String serve(String document, boolean upAtStart) {
        AtomicBoolean up = new AtomicBoolean(upAtStart);
        AtomicInteger fetches = new AtomicInteger();
        FakeHttpServer server = FakeHttpServer.start("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/fake/up")) {
                up.set(true);
                answer(exchange, 204, "");
            } else if (path.equals("/fake/fetches")) {
                answer(exchange, 200, String.valueOf(fetches.get()));
            } else if (path.equals("/q/openapi") && "format=json".equals(exchange.getRequestURI().getQuery())) {
                fetches.incrementAndGet();
                answer(exchange, up.get() ? 200 : 503, up.get() ? document
                        : "{\"type\": \"urn:ai-data-suite:problem:unavailable\", \"status\": 503}");
            } else {
                answer(exchange, 404, "{\"status\": 404}");
            }
        }, 2);
        servers.add(server);
        return server.url();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        servers.forEach(FakeHttpServer::stop);
    }
}
