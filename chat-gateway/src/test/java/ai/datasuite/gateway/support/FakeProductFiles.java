package ai.datasuite.gateway.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * ingest-service's files as product catalogs use them: an upload (multipart {@code file} and {@code metadata}) kept
 * in memory with its owner, its content, and its delete (404 when unknown or another user's).
 */
public final class FakeProductFiles implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/files";

    public record Stored(String id, String owner, String name, String metadata, byte[] bytes) {
    }

    public final Map<String, Stored> files = new ConcurrentHashMap<>();
    public final List<String> deleted = new CopyOnWriteArrayList<>();
    /** Refuse uploads with 415, as ingest does for a type it does not accept. */
    public volatile boolean refuseUploads;

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String path = request.path();
        String method = request.method().name();
        if (method.equals("POST") && path.equals(PREFIX) && refuseUploads) {
            FakeIngestFiles.problem(request, 415, "unsupported-media-type", "the file's type is not accepted");
            return;
        }
        if (method.equals("POST") && path.equals(PREFIX)) {
            Map<String, FakeIngestFiles.Part> parts = FakeIngestFiles.Multipart.parse(request.getHeader(
                    "Content-Type"), body);
            FakeIngestFiles.Part file = parts.get("file");
            if (file == null || !parts.containsKey("metadata")) {
                FakeIngestFiles.problem(request, 400, "validation", "parts 'file' and 'metadata' required");
                return;
            }
            Stored stored = new Stored(UUID.randomUUID().toString(), caller.user(), file.filename(),
                    parts.get("metadata").text(), file.bytes());
            files.put(stored.id(), stored);
            FakeIngestFiles.json(request, 201, new JsonObject().put("id", stored.id())
                    .put("owner_id", stored.owner()).put("original_name", stored.name())
                    .put("size_bytes", stored.bytes().length));
            return;
        }
        String rest = path.substring(Math.min(path.length(), PREFIX.length() + 1));
        String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        Stored stored = files.get(id);
        if (stored == null || !(FakeIngestFiles.privileged(caller) || stored.owner().equals(caller.user()))) {
            FakeIngestFiles.problem(request, 404, "not-found", "No file " + id);
            return;
        }
        if (method.equals("GET") && rest.endsWith("/content")) {
            request.response().putHeader("Content-Type", "application/octet-stream").end(Buffer.buffer(stored.bytes()));
        } else if (method.equals("DELETE") && !rest.contains("/")) {
            files.remove(id);
            deleted.add(id);
            request.response().setStatusCode(204).end();
        } else {
            FakeIngestFiles.problem(request, 404, "not-found", "No endpoint " + method + " " + path);
        }
    }
}
