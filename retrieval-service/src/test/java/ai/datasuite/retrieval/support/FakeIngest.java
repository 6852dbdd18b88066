package ai.datasuite.retrieval.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;

import ai.datasuite.testsupport.FakeHttpServer;
import ai.datasuite.testsupport.openapi.ContractRecorder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An in-memory stand-in for ingest-service's file endpoints as retrieval-service uses them: multipart upload
 * ({@code file} + {@code metadata} JSON), stored by (user, sha256) so the same bytes again answer 200 with the same
 * record; content download; delete. It records uploads, deletions and every request's verified caller, and can be
 * switched "down" (503). Every request it receives and every answer it sends is checked against ingest-service's
 * committed contract ({@link #CONTRACT}).
 * <p>
 * Identity as ingest-service applies it: no valid Bearer token is 401; an upload's {@code user_id} may name another
 * user only for an admin or a service (403), and left out is the caller; another user's file is 404.
 */
public class FakeIngest implements QuarkusTestResourceLifecycleManager {

    private static final String BASE = "/api/v1/files";
    private static final String PROBLEM = "urn:ai-data-suite:problem:";

    /** What this fake did that ingest-service's OpenAPI document (contracts/) does not allow. */
    public static final ContractRecorder CONTRACT = ContractRecorder.of("FakeIngest", "ingest-service");

    /** One stored file. */
    public record Stored(String id, String userId, String dataType, List<String> tags, String fileName,
                         String partContentType, byte[] bytes, String sha256) {
    }

    public static final Map<String, Stored> FILES = new ConcurrentHashMap<>();
    public static final List<String> DELETED = new CopyOnWriteArrayList<>();
    public static final List<String> CONTENT_READS = new CopyOnWriteArrayList<>();
    public static final AtomicBoolean DOWN = new AtomicBoolean();
    public static final List<FakeDatasetsMetadata.Recorded> REQUESTS = new CopyOnWriteArrayList<>();

    private FakeHttpServer server;

    @Override
    public Map<String, String> start() {
        server = FakeHttpServer.start(BASE, this::handle, 4);
        return Map.of("quarkus.rest-client.ingest.url", server.url());
    }

    @Override
    public void stop() {
        server.stop();
    }

    public static void reset() {
        FILES.clear();
        DELETED.clear();
        CONTENT_READS.clear();
        REQUESTS.clear();
        DOWN.set(false);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (DOWN.get()) {
                send(exchange, 503, Map.of("type", "urn:ai-data-suite:problem:dependency-unavailable",
                        "status", 503, "detail", "fake ingest is down"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            FakeCallers.Caller caller = FakeCallers.of(exchange);
            REQUESTS.add(new FakeDatasetsMetadata.Recorded(method, exchange.getRequestURI().toString(), caller));
            if (!method.equals("POST")) {
                CONTRACT.request(method, exchange.getRequestURI().toString(), null, null);
            }
            if (caller == null) {
                send(exchange, 401, FakeCallers.unauthorized());
                return;
            }
            if (method.equals("POST") && path.equals(BASE)) {
                upload(exchange, body, caller);
                return;
            }
            String rest = path.length() > BASE.length() ? path.substring(BASE.length() + 1) : "";
            if (method.equals("GET") && rest.endsWith("/content")) {
                Stored file = FILES.get(rest.substring(0, rest.length() - "/content".length()));
                if (file == null || !caller.canSee(file.userId())) {
                    send(exchange, 404, Map.of("type", PROBLEM + "not-found", "status", 404, "detail", "No file"));
                    return;
                }
                CONTENT_READS.add(file.id());
                CONTRACT.answer(method, path, 200, "text/csv", null);
                exchange.getResponseHeaders().add("Content-Type", "text/csv");
                exchange.sendResponseHeaders(200, file.bytes().length);
                exchange.getResponseBody().write(file.bytes());
                return;
            }
            if (method.equals("DELETE") && !rest.isEmpty()) {
                Stored file = FILES.get(rest);
                if (file == null || !caller.canSee(file.userId()) || FILES.remove(rest) == null) {
                    send(exchange, 404, Map.of("type", PROBLEM + "not-found", "status", 404, "detail", "No file " + rest));
                    return;
                }
                DELETED.add(rest);
                FakeHttpServer.sendNoContent(exchange, CONTRACT);
                return;
            }
            send(exchange, 404, Map.of("type", PROBLEM + "not-found", "status", 404,
                    "detail", "fake ingest does not serve " + method + " " + path));
        }
    }

    private void upload(HttpExchange exchange, byte[] body, FakeCallers.Caller caller) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, Part> parts = parts(body, contentType.substring(contentType.indexOf("boundary=") + 9)
                .replace("\"", ""));
        Part file = parts.get("file");
        Part metadata = parts.get("metadata");
        if (file == null || metadata == null) {
            send(exchange, 400, Map.of("type", PROBLEM + "validation", "status", 400,
                    "detail", "file and metadata parts are required"));
            return;
        }
        Map<String, Object> meta = FakeHttpServer.readJson(metadata.bytes());
        CONTRACT.request("POST", exchange.getRequestURI().toString(), contentType, Map.of("metadata", meta));
        String user = meta.get("user_id") == null ? caller.user() : (String) meta.get("user_id");
        if (!caller.canSee(user)) {
            send(exchange, 403, FakeCallers.forbidden("'owner_id' names another user"));
            return;
        }
        String sha = sha256(file.bytes());
        for (Stored existing : FILES.values()) {
            if (existing.userId().equals(user) && existing.sha256().equals(sha)) {
                send(exchange, 200, view(existing));
                return;
            }
        }
        @SuppressWarnings("unchecked")
        Stored stored = new Stored(UUID.randomUUID().toString(), user, (String) meta.get("data_type"),
                (List<String>) meta.get("tags"), file.fileName(), file.contentType(), file.bytes(), sha);
        FILES.put(stored.id(), stored);
        send(exchange, 201, view(stored));
    }

    private static Map<String, Object> view(Stored file) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", file.id());
        v.put("owner_id", file.userId());
        v.put("original_name", file.fileName());
        v.put("media_type", "text/csv");
        v.put("size_bytes", file.bytes().length);
        v.put("sha256", file.sha256());
        v.put("data_type", file.dataType());
        v.put("tags", file.tags());
        v.put("status", "STORED");
        v.put("created_at", "2026-11-26T10:15:30.123456Z");
        return v;
    }

    private record Part(String fileName, String contentType, byte[] bytes) {
    }

    /** A small multipart/form-data reader: ISO-8859-1 maps every byte to one char, so bytes survive the split. */
    private static Map<String, Part> parts(byte[] body, String boundary) {
        String all = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        for (String chunk : all.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int split = chunk.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = chunk.substring(0, split);
            String content = chunk.substring(split + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            String name = attribute(headers, "name");
            String fileName = attribute(headers, "filename");
            String type = null;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    type = line.substring(13).trim();
                }
            }
            parts.put(name, new Part(fileName, type, content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    private static String attribute(String headers, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[; ]" + key + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        FakeHttpServer.sendJson(exchange, status, body, CONTRACT);
    }
}
