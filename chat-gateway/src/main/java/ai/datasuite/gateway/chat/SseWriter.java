package ai.datasuite.gateway.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Server-sent events on the response body: {@code event: <name>}, one {@code data:} line of JSON (JSON escapes line
 * breaks, so one line is always enough), a blank line; flushed at once so each token leaves the gateway when it comes.
 */
final class SseWriter {

    private final OutputStream out;
    private final ObjectMapper json;

    SseWriter(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    void send(String event, Object data) throws IOException {
        byte[] payload = ("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
        out.write(payload);
        out.flush();
    }
}
