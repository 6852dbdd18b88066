package ai.datasuite.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Time to the first streamed token of a chat through the gateway against the LLM's own, side by side in one run. The
 * LLM is {@link FakeLlm} in this JVM (first token after {@code first-token-ms}, like a model's prompt processing); the
 * gateway must be started pointing at it:
 * {@code SUITE_LLM_BASE_URL=http://127.0.0.1:18090/v1 SUITE_LLM_API_KEY=bench ./suite start}. Rounds alternate: a
 * streamed chat completion straight to the fake (the baseline), then {@code POST /api/chat} with {@code stream: true}
 * as a user with one uploaded document, each timed from sending to the first token's bytes. Goal: p50 added by the
 * gateway (retrieval, prompt, conversation memory, SSE) <= 10 ms.
 * <p>
 * Usage: {@code benchmarks/run chat-ttft [requests=200] [first-token-ms=50]}
 */
public final class ChatTtftBenchmark {

    private static final String DOCUMENT = """
            The Vistula is the longest river in Poland, at 1,047 kilometres.

            It rises in the Silesian Beskids and flows through Krakow and Warsaw to the Baltic Sea near Gdansk.

            The river's basin covers more than half of Poland's area.
            """;
    private static final List<String> QUESTIONS = List.of("Which river flows through Warsaw?",
            "How long is the Vistula?", "Where does the Vistula rise?", "Where does the Vistula reach the sea?");

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long firstTokenMs = args.length > 1 ? Long.parseLong(args[1]) : 50;
        int port = Integer.parseInt(Suite.env("BENCH_LLM_PORT", "18090"));
        try (FakeLlm llm = new FakeLlm(port, firstTokenMs, 2)) {
            GatewayUser user = GatewayUser.create("ttft-bench");
            user.uploadText("vistula.txt", DOCUMENT);
            String mode = firstEvent(user, QUESTIONS.get(0)).mode;
            if (!"llm".equals(mode)) {
                System.err.println("the gateway answered in mode '" + mode + "': start it with SUITE_LLM_BASE_URL="
                        + llm.baseUrl() + " SUITE_LLM_API_KEY=bench (see benchmarks/README.md)");
                System.exit(1);
            }
            HttpRequest direct = HttpRequest.newBuilder(URI.create(llm.baseUrl() + "/chat/completions"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer bench")
                    .POST(GatewayUser.json(Map.of("model", "fake", "stream", true, "messages",
                            List.of(Map.of("role", "user", "content", QUESTIONS.get(0)))))).build();
            int warmup = Math.max(10, requests / 10);
            long[] directNanos = new long[requests];
            long[] gatewayNanos = new long[requests];
            for (int i = -warmup; i < requests; i++) {
                long d = firstToken(direct, "data: {", "\"content\":\"tok");
                long g = firstEvent(user, QUESTIONS.get(Math.floorMod(i, QUESTIONS.size()))).nanos;
                if (i >= 0) {
                    directNanos[i] = d;
                    gatewayNanos[i] = g;
                }
            }
            long[] ds = Suite.sorted(directNanos);
            long[] gs = Suite.sorted(gatewayNanos);
            System.out.printf("time to first token, %d streamed chats each (after %d warm-up), fake LLM's first token"
                    + " after %d ms%n", requests, warmup, firstTokenMs);
            System.out.printf("  the LLM directly          p50 %7.2f ms   p99 %7.2f ms%n", Suite.percentile(ds, 50),
                    Suite.percentile(ds, 99));
            System.out.printf("  through chat-gateway      p50 %7.2f ms   p99 %7.2f ms%n", Suite.percentile(gs, 50),
                    Suite.percentile(gs, 99));
            System.out.printf("ratio chat-ttft added-p50-ms %.2f (goal <= 10)%n",
                    Suite.percentile(gs, 50) - Suite.percentile(ds, 50));
            user.deleteDocuments();
        }
    }

    private record First(long nanos, String mode) {
    }

    /** A streamed {@code /api/chat}: nanoseconds to the first token event; reads the stream to its end for the mode. */
    private static First firstEvent(GatewayUser user, String question) {
        HttpRequest request = user.request("/api/chat").header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(GatewayUser.json(Map.of("query", question, "stream", true))).build();
        long start = System.nanoTime();
        long first = -1;
        String mode = null;
        try (BufferedReader in = lines(GatewayUser.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream()))) {
            String event = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "token".equals(event) && first < 0) {
                    first = System.nanoTime() - start;
                } else if (line.startsWith("data:") && "done".equals(event)) {
                    mode = GatewayUser.read(line.substring(5)).path("mode").asText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (first < 0) {
            throw new IllegalStateException("the chat stream had no token event");
        }
        return new First(first, mode);
    }

    /** Nanoseconds to the first line starting with {@code prefix} and holding {@code marker}; reads to the end. */
    private static long firstToken(HttpRequest request, String prefix, String marker) {
        long start = System.nanoTime();
        long first = -1;
        try (BufferedReader in = lines(GatewayUser.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream()))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (first < 0 && line.startsWith(prefix) && line.contains(marker)) {
                    first = System.nanoTime() - start;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return first;
    }

    private static BufferedReader lines(HttpResponse<InputStream> response) {
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                throw new IllegalStateException("answered " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }
}
