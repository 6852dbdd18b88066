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
 * ingest-service's stored files as an evaluation run reads them, in memory: {@code GET /api/v1/files/{id}} (the
 * record with its {@code details}), {@code /text} (404 {@code no-text} without text) and {@code /content} (the
 * bytes); another user's file is 404 unless the reader is an admin or a service. Every read is kept as
 * "id/what user role".
 */
public final class FakeEvaluationFiles implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/files";

    public record Stored(String id, String owner, String name, String mediaType, byte[] bytes, String text,
                         Map<String, Object> details) {

        /** The file as metadata lists it under a task. */
        public JsonObject view() {
            return new JsonObject().put("id", id).put("owner_id", owner).put("original_name", name)
                    .put("extension", name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : null)
                    .put("media_type", mediaType).put("size_bytes", bytes.length)
                    .put("text_length", text == null ? null : text.length()).put("text_truncated", false)
                    .put("details", details == null ? null : new JsonObject(details)).put("status", "stored");
        }
    }

    public final Map<String, Stored> files = new ConcurrentHashMap<>();
    public final List<String> reads = new CopyOnWriteArrayList<>();

    public Stored put(String owner, String name, String mediaType, byte[] bytes, String text,
                      Map<String, Object> details) {
        Stored file = new Stored("evf-" + UUID.randomUUID(), owner, name, mediaType, bytes, text, details);
        files.put(file.id(), file);
        return file;
    }

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String[] parts = request.path().substring(PREFIX.length() + 1).split("/");
        Stored file = files.get(parts[0]);
        String what = parts.length > 1 ? parts[1] : "record";
        reads.add(parts[0] + "/" + what + " " + caller.user() + " " + caller.role());
        boolean visible = file != null && ("admin".equals(caller.role()) || "service".equals(caller.role())
                || caller.user().equals(file.owner()));
        if (!visible) {
            FakeIngestFiles.problem(request, 404, "not-found", "No file " + parts[0]);
        } else if (what.equals("record")) {
            JsonObject view = file.view();
            FakeIngestFiles.json(request, 200, view);
        } else if (what.equals("text")) {
            if (file.text() == null) {
                FakeIngestFiles.problem(request, 404, "no-text", "file '" + file.id() + "' has no extractable text");
            } else {
                request.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(file.text());
            }
        } else if (what.equals("content")) {
            request.response().putHeader("Content-Type", file.mediaType()).end(Buffer.buffer(file.bytes()));
        } else {
            FakeIngestFiles.problem(request, 404, "not-found", "No endpoint " + request.path());
        }
    }
}
