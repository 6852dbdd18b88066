package ai.datasuite.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import ai.datasuite.testsupport.openapi.ContractRecorder;

/**
 * The HTTP plumbing of a hand-written fake of another service: a JDK {@link HttpServer} on a free local port, the
 * query string as a map, JSON bodies in, and JSON answers out, each answer checked against the provider's contract
 * by the fake's {@link ContractRecorder}. The fake keeps its paths, state and behaviour; it only stops writing these
 * lines again.
 */
public final class FakeHttpServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;

    private FakeHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code context} with {@code handler} on a free port of 127.0.0.1.
     *
     * @param threads how many requests it handles at once; 0 for one at a time, on the server's own dispatcher thread
     */
    public static FakeHttpServer start(String context, HttpHandler handler, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(context, handler);
            ExecutorService executor = threads > 0 ? Executors.newFixedThreadPool(threads) : null;
            server.setExecutor(executor);
            server.start();
            return new FakeHttpServer(server, executor);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where it listens, e.g. {@code http://127.0.0.1:40123}: the value of the consumer's REST client URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stops at once (no grace period for open exchanges) and ends its threads. */
    public void stop() {
        server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The query string's parameters, values URL-decoded; a name without {@code =} has the value "". */
    public static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    /** A JSON object body; null for an empty body. */
    public static Map<String, Object> readJson(byte[] body) throws IOException {
        return body.length == 0 ? null : JSON.readValue(body, new TypeReference<>() { });
    }

    /**
     * Answers {@code body} as JSON ({@code application/problem+json} from 400 on), after {@code contract} has checked
     * the answer against the provider's document.
     */
    public static void sendJson(HttpExchange exchange, int status, Object body, ContractRecorder contract)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        String type = status >= 400 ? "application/problem+json" : "application/json";
        contract.answer(exchange.getRequestMethod(), exchange.getRequestURI().toString(), status, type, body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Answers 204 without a body, after {@code contract} has checked that the provider may. */
    public static void sendNoContent(HttpExchange exchange, ContractRecorder contract) throws IOException {
        contract.answer(exchange.getRequestMethod(), exchange.getRequestURI().toString(), 204, null, null);
        exchange.sendResponseHeaders(204, -1);
    }
}
