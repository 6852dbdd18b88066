package ai.datasuite.gateway.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import ai.datasuite.gateway.support.FakeIngestFiles.Multipart;
import ai.datasuite.gateway.support.FakeIngestFiles.Part;

/**
 * ingest-service's {@code POST /api/v1/files} as a snapshot import uses it, in memory: the multipart parts
 * {@code file} and {@code metadata} ({@code {data_type, task_id?}}), 201 for new bytes, 200 with the existing record
 * for the same owner's same bytes, 415 for binary content it cannot recognise (NUL bytes, not a PNG), as ingest does.
 * Every upload is recorded with its caller, name, data type and task_id.
 */
public final class FakeTaskFiles implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/files";

    /** A stored file. */
    public record Stored(String id, String owner, String name, String dataType, String taskId, String sha256,
                         int size) {
    }

    /** One upload as it arrived, with the status answered. */
    public record Upload(String user, String role, String name, String dataType, String taskId, String sha256,
                         int status) {
    }

    public final List<Stored> files = new CopyOnWriteArrayList<>();
    public final List<Upload> uploads = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        if (!request.method().name().equals("POST") || !request.path().equals(PREFIX)) {
            FakeIngestFiles.problem(request, 404, "not-found", "No endpoint " + request.method() + " "
                    + request.path());
            return;
        }
        Map<String, Part> parts = Multipart.parse(request.getHeader("Content-Type"), body);
        Part file = parts.get("file");
        JsonObject metadata;
        try {
            metadata = parts.containsKey("metadata") ? new JsonObject(parts.get("metadata").text()) : null;
        } catch (DecodeException e) {
            metadata = null;
        }
        if (file == null || metadata == null || metadata.getString("data_type") == null) {
            FakeIngestFiles.problem(request, 400, "validation", "parts 'file' and 'metadata' {data_type} required");
            return;
        }
        String sha = FakeIngestFiles.sha256(file.bytes());
        String dataType = metadata.getString("data_type");
        String taskId = metadata.getString("task_id");
        if (binary(file.bytes())) {
            uploads.add(new Upload(caller.user(), caller.role(), file.filename(), dataType, taskId, sha, 415));
            FakeIngestFiles.problem(request, 415, "unsupported-media-type",
                    "the file's type could not be recognised from its content");
            return;
        }
        for (Stored existing : files) {
            if (existing.owner().equals(caller.user()) && existing.sha256().equals(sha)) {
                uploads.add(new Upload(caller.user(), caller.role(), file.filename(), dataType, taskId, sha, 200));
                FakeIngestFiles.json(request, 200, view(existing));
                return;
            }
        }
        Stored stored = new Stored(UUID.randomUUID().toString(), caller.user(), file.filename(), dataType, taskId,
                sha, file.bytes().length);
        files.add(stored);
        uploads.add(new Upload(caller.user(), caller.role(), file.filename(), dataType, taskId, sha, 201));
        FakeIngestFiles.json(request, 201, view(stored));
    }

    private static boolean binary(byte[] bytes) {
        boolean png = bytes.length > 4 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N';
        if (png) {
            return false;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject view(Stored file) {
        return new JsonObject().put("id", file.id()).put("owner_id", file.owner()).put("original_name", file.name())
                .put("size_bytes", file.size()).put("sha256", file.sha256()).put("data_type", file.dataType())
                .put("task_id", file.taskId()).put("status", "STORED").put("created_at", Instant.now().toString());
    }
}
