package ai.datasuite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A throw-away user of the running suite, as a client sees it: an API key made with the bootstrap admin key, uploads
 * through {@code POST /api/upload}, chat through {@code POST /api/chat}, all on the gateway (port 8080). A 429 is
 * waited out (its Retry-After), so a benchmark can run at the default rate limit, only slower.
 */
final class GatewayUser {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final String id;
    final String key;

    private GatewayUser(String id, String key) {
        this.id = id;
        this.key = key;
    }

    /** A new user with role {@code user} and a new key. */
    static GatewayUser create(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = send(HttpRequest.newBuilder(Suite.GATEWAY.resolve("/api/v1/keys"))
                .header("X-Api-Key", Suite.adminKey()).header("Content-Type", "application/json")
                .POST(json(Map.of("user_id", id, "role", "user"))).build(), 201);
        return new GatewayUser(id, created.get("key").asText());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(Suite.GATEWAY.resolve(path)).header("X-Api-Key", key);
    }

    /** Uploads a text file as this user; waits until its document is indexed; returns the upload's answer. */
    JsonNode uploadText(String name, String text) {
        String boundary = "bench-" + UUID.randomUUID();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"user_id\":\"" + id + "\",\"data_type\":\"text\"}\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = sendRaw(request("/api/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        if (response.statusCode() != 201 && response.statusCode() != 202 && response.statusCode() != 200) {
            throw new IllegalStateException("upload of " + name + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode uploaded = read(response.body());
        String documentId = uploaded.path("document_id").asText();
        for (int i = 0; i < 1200 && !"ready".equals(uploaded.path("status").asText("ready")); i++) {
            sleep(250);
            uploaded = send(request("/api/v1/documents/" + documentId).GET().build(), 200);
            if ("failed".equals(uploaded.path("status").asText())) {
                throw new IllegalStateException("indexing " + name + " failed: " + uploaded);
            }
        }
        return uploaded;
    }

    /** {@code POST /api/chat} (plain); the answer as JSON. */
    JsonNode chat(Map<String, Object> body) {
        return send(request("/api/chat").header("Content-Type", "application/json").POST(json(body)).build(), 200);
    }

    /** Removes the key (its documents stay with the user id, which nobody else can reach). */
    void deleteDocuments() {
        JsonNode page = send(request("/api/v1/documents?size=100").GET().build(), 200);
        for (JsonNode doc : page.path("items")) {
            sendRaw(request("/api/v1/documents/" + doc.path("id").asText()).DELETE().build());
        }
    }

    static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode send(HttpRequest request, int expected) {
        HttpResponse<String> response = sendRaw(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    /** Sends; a 429 is retried after its Retry-After (at most 100 times). */
    static HttpResponse<String> sendRaw(HttpRequest request) {
        try {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || attempt >= 100) {
                    return response;
                }
                sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String body) {
        try {
            return body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static URI gateway(String path) {
        return Suite.GATEWAY.resolve(path);
    }
}
