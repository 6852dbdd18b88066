package ai.datasuite.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * metadata-service's {@code POST /api/v1/tasks/import} (JSONL) and {@code POST /api/v1/tasks/match} as the gateway
 * uses them, in memory, with metadata's rules: annotator or admin (403 otherwise); a JSONL row without task_id or
 * Question rejects the whole body (400 with {@code errors: [{row, field, message}]}); rows are upserted (created,
 * updated, unchanged); other content types but CSV are 415. The match links a task to a file of {@link FakeTaskFiles}
 * that names the task (task_id) or whose name is the task's file_name, and counts only new links as new.
 */
public final class FakeTaskImports implements FakeEndpoints {

    public static final String IMPORT = "/api/v1/tasks/import";
    public static final String MATCH = "/api/v1/tasks/match";

    /** One call as it arrived. */
    public record Call(String path, String contentType, String user, String role, String body) {
    }

    private final FakeTaskFiles files;
    /** task_id → the row's JSON. */
    public final Map<String, JsonObject> tasks = new LinkedHashMap<>();
    private final Set<String> links = new LinkedHashSet<>();
    public final List<Call> calls = new CopyOnWriteArrayList<>();

    public FakeTaskImports(FakeTaskFiles files) {
        this.files = files;
    }

    @Override
    public synchronized void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String contentType = request.getHeader("Content-Type");
        calls.add(new Call(request.path(), contentType, caller.user(), caller.role(), body.toString()));
        if (!"annotator".equals(caller.role()) && !"admin".equals(caller.role())) {
            FakeIngestFiles.problem(request, 403, "forbidden", "Importing tasks needs the annotator or admin role");
            return;
        }
        if (request.path().equals(MATCH)) {
            match(request);
        } else if (contentType != null && contentType.startsWith("application/x-ndjson")) {
            importJsonl(request, body.toString(StandardCharsets.UTF_8));
        } else if (contentType != null && contentType.startsWith("text/csv")) {
            FakeIngestFiles.json(request, 200, summary(0, 0, 0, 0));
        } else {
            FakeIngestFiles.problem(request, 415, "unsupported-media-type", "Send JSONL or CSV");
        }
    }

    private void importJsonl(HttpServerRequest request, String body) {
        JsonArray errors = new JsonArray();
        Map<String, JsonObject> rows = new LinkedHashMap<>();
        String[] lines = body.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonObject row = new JsonObject(lines[i]);
                for (String field : new String[] {"task_id", "Question"}) {
                    if (row.getString(field, "").isBlank()) {
                        errors.add(new JsonObject().put("row", i + 1).put("field", field.toLowerCase())
                                .put("message", "is required"));
                    }
                }
                rows.put(row.getString("task_id", ""), row);
            } catch (DecodeException e) {
                errors.add(new JsonObject().put("row", i + 1).put("field", null).put("message", "not JSON"));
            }
        }
        if (!errors.isEmpty()) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "urn:ai-data-suite:problem:validation")
                            .put("title", "Invalid request").put("status", 400)
                            .put("detail", errors.size() + " problem(s) in the import, nothing was imported")
                            .put("error_count", errors.size()).put("errors", errors).encode());
            return;
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Map.Entry<String, JsonObject> row : rows.entrySet()) {
            JsonObject before = tasks.put(row.getKey(), row.getValue());
            if (before == null) {
                created++;
            } else if (before.equals(row.getValue())) {
                unchanged++;
            } else {
                updated++;
            }
        }
        FakeIngestFiles.json(request, 200, summary(rows.size(), created, updated, unchanged));
    }

    private void match(HttpServerRequest request) {
        JsonArray matched = new JsonArray();
        JsonArray missing = new JsonArray();
        Set<String> linkedFiles = new LinkedHashSet<>();
        int newLinks = 0;
        for (Map.Entry<String, JsonObject> task : tasks.entrySet()) {
            String fileName = task.getValue().getString("file_name", "");
            boolean found = false;
            for (FakeTaskFiles.Stored file : files.files) {
                String by = task.getKey().equals(file.taskId()) ? "task_id"
                        : !fileName.isEmpty() && fileName.equals(file.name()) ? "file_name" : null;
                if (by != null) {
                    found = true;
                    linkedFiles.add(file.id());
                    if (links.add(task.getKey() + " " + file.id())) {
                        newLinks++;
                    }
                    matched.add(new JsonObject().put("task_id", task.getKey()).put("file_id", file.id())
                            .put("original_name", file.name()).put("matched_by", by));
                }
            }
            if (!found && !fileName.isEmpty()) {
                missing.add(new JsonObject().put("task_id", task.getKey()).put("file_name", fileName));
            }
        }
        JsonArray withoutTask = new JsonArray();
        files.files.stream().filter(file -> !linkedFiles.contains(file.id())).forEach(file ->
                withoutTask.add(new JsonObject().put("file_id", file.id()).put("original_name", file.name())));
        FakeIngestFiles.json(request, 200, new JsonObject().put("matched", matched).put("tasks_missing_file", missing)
                .put("files_without_task", withoutTask).put("counts", new JsonObject().put("tasks", tasks.size())
                        .put("files", files.files.size()).put("matched", matched.size()).put("new_links", newLinks)
                        .put("tasks_missing_file", missing.size()).put("files_without_task", withoutTask.size())));
    }

    private static JsonObject summary(int received, int created, int updated, int unchanged) {
        return new JsonObject().put("received", received).put("created", created).put("updated", updated)
                .put("unchanged", unchanged);
    }
}
