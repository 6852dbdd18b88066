package ai.datasuite.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * ingest-service's {@code POST /api/v1/files} as a fine-tune uses it: keeps each multipart body whole (the tests look
 * for the JSONL's lines in it) with the verified uploader, and answers a FileView with a new id.
 */
public final class FakeFineTuneFiles implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/files";

    /** A stored upload: who sent it and the multipart body as text (metadata part and file part). */
    public record Stored(String id, String owner, String multipart) {
    }

    public final Map<String, Stored> stored = new ConcurrentHashMap<>();

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        if (!request.method().name().equals("POST") || !request.path().equals(PREFIX)) {
            FakeFineTuneJobs.send(request, 404, FakeFineTuneJobs.problem(404, "not-found", "no such file"));
            return;
        }
        String id = UUID.randomUUID().toString();
        String multipart = body.toString(StandardCharsets.UTF_8);
        stored.put(id, new Stored(id, caller.user(), multipart));
        FakeFineTuneJobs.send(request, 201, new JsonObject().put("id", id).put("owner_id", caller.user())
                .put("original_name", "training.jsonl").put("size_bytes", body.length()).put("data_type", "fine-tune")
                .put("status", "stored"));
    }
}
