package ai.datasuite.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * Plain JDK HTTP for the crash and load tests: many threads at once, no REST Assured state, a signed identity per
 * user (signed once, the tokens last ten minutes) and a timeout on every request so a hung service fails the test.
 */
final class SuiteHttp {

    static final String ADMIN = "reliability-admin";
    /**
     * Signed tokens by user and role, shared by every test class in this JVM. The module runs longer than a token is
     * valid, so one is signed again once half its lifetime has passed.
     */
    private static final Map<String, Signed> TOKENS = new ConcurrentHashMap<>();
    private static final long RESIGN_NANOS = TestIdentity.LIFETIME.dividedBy(2).toNanos();

    private record Signed(String token, long signedAt) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    SuiteHttp(Duration timeout) {
        this.timeout = timeout;
    }

    /** A status and a body; status 0 never occurs (an I/O failure throws). */
    record Answer(int status, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A request as {@code user} with {@code role} ("admin", "user"). */
    HttpRequest.Builder as(String user, String role, String url) {
        String token = TOKENS.compute(user + "|" + role, (key, signed) ->
                signed != null && System.nanoTime() - signed.signedAt() < RESIGN_NANOS ? signed
                        : new Signed(TestIdentity.token(user, role), System.nanoTime())).token();
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Authorization", "Bearer " + token);
    }

    /** A request through the gateway with an API key (the gateway signs the identity itself). */
    HttpRequest.Builder withKey(String key, String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("X-Api-Key", key);
    }

    HttpRequest.Builder admin(String url) {
        return as(ADMIN, "admin", url);
    }

    Answer get(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request.GET());
    }

    Answer postJson(HttpRequest.Builder request, String json) throws IOException, InterruptedException {
        return send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** multipart/form-data with the given text fields and one file part named "file". */
    Answer postFile(HttpRequest.Builder request, String fileName, byte[] content, Map<String, String> fields)
            throws IOException, InterruptedException {
        return postFile(request, fileName, "application/octet-stream", content, fields);
    }

    /** {@link #postFile(HttpRequest.Builder, String, byte[], Map)} with the file part's own content type. */
    Answer postFile(HttpRequest.Builder request, String fileName, String contentType, byte[] content,
                    Map<String, String> fields) throws IOException, InterruptedException {
        String boundary = "reliability-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String type = field.getValue().startsWith("{") ? "\r\nContent-Type: application/json" : "";
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\""
                    + type + "\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
