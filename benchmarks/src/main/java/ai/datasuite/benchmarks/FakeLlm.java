package ai.datasuite.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible chat-completions server for the chat benchmark, on 127.0.0.1 only: every request is answered
 * as a stream, exactly as OpenAI streams (a role chunk, content chunks, a finish chunk, a usage chunk, {@code [DONE]}),
 * the first token after {@code firstTokenMillis} (a model's prompt processing), the rest {@code tokenMillis} apart.
 */
final class FakeLlm implements AutoCloseable {

    static final int TOKENS = 24;

    private final HttpServer server;
    private final long firstTokenMillis;
    private final long tokenMillis;

    FakeLlm(int port, long firstTokenMillis, long tokenMillis) throws IOException {
        this.firstTokenMillis = firstTokenMillis;
        this.tokenMillis = tokenMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext("/v1/chat/completions", this::stream);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void stream(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            send(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
            sleep(firstTokenMillis);
            for (int i = 0; i < TOKENS; i++) {
                if (i > 0) {
                    sleep(tokenMillis);
                }
                send(out, chunk("{\"content\":\"tok" + i + " \"}", "null"));
            }
            send(out, chunk("{}", "\"stop\""));
            send(out, "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\","
                    + "\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":" + TOKENS
                    + ",\"total_tokens\":" + (100 + TOKENS) + "}}");
            send(out, "[DONE]");
        }
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}";
    }

    private static void send(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
