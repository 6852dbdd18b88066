package ai.datasuite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Uploads to ingest-service the way a client does: one multipart request with a declared length, streamed. */
final class Multipart {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Multipart() {
    }

    static JsonNode upload(String user, String name, HttpRequest.BodyPublisher file, long fileLength) {
        return upload(Suite.INGEST, "Authorization", Suite.bearer(), user, name, file, fileLength);
    }

    /** The same upload to {@code base} (ingest-service, or the gateway with an API key) with the given credential. */
    static JsonNode upload(URI base, String authHeader, String authValue, String user, String name,
                           HttpRequest.BodyPublisher file, long fileLength) {
        HttpRequest request = request(base, authHeader, authValue, user, name, file);
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code POST /api/v1/files} request of {@link #upload}, for callers that send it themselves. */
    static HttpRequest request(URI base, String authHeader, String authValue, String user, String name,
                               HttpRequest.BodyPublisher file) {
        String boundary = "bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                + "{\"user_id\":\"" + user + "\",\"data_type\":\"benchmark\"}\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head), file, HttpRequest.BodyPublishers.ofByteArray(tail));
        return HttpRequest.newBuilder(base.resolve("/api/v1/files"))
                .header(authHeader, authValue)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body)
                .build();
    }

    static HttpRequest.BodyPublisher ofFile(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(List<String> ids) {
        for (String id : ids) {
            try {
                HTTP.send(Suite.request(URI.create(Suite.INGEST + "/api/v1/files/" + id)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException e) {
                System.err.println("could not delete benchmark file " + id + ": " + e.getMessage());
            }
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
