package ai.datasuite.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.config.UpstreamsConfig;
import ai.datasuite.gateway.openapi.UpstreamDocuments.Snapshot;

/** Fetching the services' documents: refresh, retry after a failure, the last good document, what is refused. */
class OpenApiUpstreamDocumentsTest {

    private static final String DOCUMENT = "{\"openapi\": \"3.1.0\", \"paths\": {\"/api/v1/models/list_model\": {}}}";

    private final TestOpenApiConfig config = new TestOpenApiConfig();
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger hits = new AtomicInteger();
    private volatile int status = 200;
    private volatile String body = DOCUMENT;
    private volatile long delayMillis;
    private int retrievalPort;
    private HttpServer retrieval;
    private UpstreamDocuments documents;

    @BeforeEach
    void setUp() throws IOException {
        retrievalPort = freePort();
        int closed = freePort(); // the other three services are not running
        String down = "http://127.0.0.1:" + closed;
        UpstreamsConfig upstreams = new UpstreamsConfig() {
            @Override
            public String ingest() {
                return down;
            }

            @Override
            public String metadata() {
                return down;
            }

            @Override
            public String inference() {
                return down + "/";
            }

            @Override
            public String retrieval() {
                return "http://127.0.0.1:" + retrievalPort;
            }
        };
        documents = new UpstreamDocuments(config, upstreams, clock);
    }

    @AfterEach
    void stop() {
        if (retrieval != null) {
            retrieval.stop(0);
        }
    }

    private void startRetrieval() throws IOException {
        retrieval = HttpServer.create(new InetSocketAddress("127.0.0.1", retrievalPort), 0);
        retrieval.createContext("/q/openapi", exchange -> {
            hits.incrementAndGet();
            assertEquals("format=json", exchange.getRequestURI().getQuery());
            sleep(delayMillis);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        retrieval.start();
    }

    private Snapshot retrievalSnapshot() {
        return documents.current().get(Upstream.RETRIEVAL.ordinal());
    }

    @Test
    void aServiceThatIsDownIsLeftOutAndARequestAfterRetryAfterFetchesIt() throws IOException {
        Snapshot down = retrievalSnapshot();
        assertNull(down.document());
        assertNotNull(down.problem());
        assertEquals("http://127.0.0.1:" + retrievalPort + "/q/openapi?format=json", down.url());

        startRetrieval();
        clock.advance(config.retryAfter.minusSeconds(1));
        assertNull(retrievalSnapshot().document(), "not tried again before retry-after");
        assertEquals(0, hits.get());

        clock.advance(Duration.ofSeconds(1));
        Snapshot up = retrievalSnapshot();
        assertEquals(UpstreamFixtures.json(DOCUMENT), up.document());
        assertNull(up.problem());
        assertEquals(1, hits.get());
    }

    @Test
    void everyServiceHasASnapshotInUpstreamOrder() {
        var current = documents.current();

        assertEquals(Upstream.values().length, current.size());
        for (Upstream upstream : Upstream.values()) {
            assertEquals(upstream, current.get(upstream.ordinal()).upstream());
        }
        // a trailing slash on a base URL does not double the path's
        assertEquals("/q/openapi?format=json", current.get(Upstream.INFERENCE.ordinal()).url()
                .replaceFirst("^http://127\\.0\\.0\\.1:\\d+", ""));
    }

    @Test
    void aFetchedDocumentIsReusedUntilRefresh() throws IOException {
        startRetrieval();
        Instant first = retrievalSnapshot().fetchedAt();
        clock.advance(config.refresh.minusSeconds(1));
        assertEquals(first, retrievalSnapshot().fetchedAt());
        assertEquals(1, hits.get());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(clock.instant(), retrievalSnapshot().fetchedAt());
        assertEquals(2, hits.get());
    }

    @Test
    void aServiceThatGoesDownKeepsItsLastDocument() throws IOException {
        startRetrieval();
        Snapshot fetched = retrievalSnapshot();
        retrieval.stop(0);
        retrieval = null;

        clock.advance(config.refresh);
        Snapshot kept = retrievalSnapshot();

        assertEquals(fetched.document(), kept.document());
        assertEquals(fetched.fetchedAt(), kept.fetchedAt());
        assertNotNull(kept.problem());
    }

    @Test
    void refusesAnAnswerThatIsNotADocument() throws IOException {
        startRetrieval();
        status = 500;
        body = "{\"type\": \"urn:ai-data-suite:problem:internal\", \"status\": 500}";
        assertEquals("HTTP 500", retrievalSnapshot().problem());

        clock.advance(config.retryAfter);
        status = 200;
        body = "{\"openapi\": \"3.1.0\"}";
        assertEquals("not an OpenAPI document in JSON (no 'paths' object)", retrievalSnapshot().problem());

        clock.advance(config.retryAfter);
        body = "openapi: 3.1.0\npaths: {}\n";
        assertTrue(retrievalSnapshot().problem().startsWith("unreadable"), retrievalSnapshot().problem());

        clock.advance(config.retryAfter);
        body = DOCUMENT;
        config.maxDocumentBytes = DOCUMENT.length() - 1;
        assertEquals("larger than " + config.maxDocumentBytes + " bytes (gateway.openapi.max-document-bytes)",
                retrievalSnapshot().problem());
        assertNull(retrievalSnapshot().document());
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsLeftOut() throws IOException {
        config.fetchTimeout = Duration.ofMillis(300);
        documents = new UpstreamDocuments(config, upstreamsOf(retrievalPort), clock);
        startRetrieval();
        delayMillis = 3000;

        long started = System.nanoTime();
        Snapshot slow = retrievalSnapshot();

        assertEquals("no answer within 300 ms", slow.problem());
        assertNull(slow.document());
        assertTrue(System.nanoTime() - started < 2_500_000_000L, "the fetch does not wait for the slow answer");
    }

    private static UpstreamsConfig upstreamsOf(int retrievalPort) throws IOException {
        String down = "http://127.0.0.1:" + freePort();
        return new UpstreamsConfig() {
            @Override
            public String ingest() {
                return down;
            }

            @Override
            public String metadata() {
                return down;
            }

            @Override
            public String inference() {
                return down;
            }

            @Override
            public String retrieval() {
                return "http://127.0.0.1:" + retrievalPort;
            }
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
