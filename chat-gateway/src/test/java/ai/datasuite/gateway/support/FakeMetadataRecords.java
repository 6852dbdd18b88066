package ai.datasuite.gateway.support;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * metadata-service's documents and notices in memory, with its owner rules: a user sees and changes only their own
 * documents (another user's is 404; naming another owner 403), an admin or a service everyone's. Documents: POST (201,
 * or 200 for the same owner and file), GET list {@code ?owner=&status=&page=&size=} newest first, GET/PATCH/DELETE
 * {@code /{id}}; every PATCH is kept in {@link #patches}. Notices: POST and DELETE admin only, GET paged newest first.
 */
public final class FakeMetadataRecords implements FakeEndpoints {

    public static final String DOCUMENTS = "/api/v1/documents";
    public static final String NOTICES = "/api/v1/notices";

    /** One PATCH of a document as it arrived. */
    public record Patch(String documentId, String caller, JsonObject body) {
    }

    public final Map<String, JsonObject> documents = new ConcurrentHashMap<>();
    public final Map<String, JsonObject> notices = new ConcurrentHashMap<>();
    public final List<Patch> patches = new CopyOnWriteArrayList<>();
    /** Creation order: newest first needs more than a clock tick. */
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        if (request.path().startsWith(NOTICES)) {
            notices(request, caller, body);
        } else {
            documents(request, caller, body);
        }
    }

    /** Puts a document record directly, e.g. one a stopped gateway left indexing. */
    public JsonObject put(String owner, String fileId, String name, String status, Instant updatedAt) {
        JsonObject document = new JsonObject().put("id", UUID.randomUUID().toString()).put("owner", owner)
                .put("file_id", fileId).put("name", name).put("data_type", "text").put("status", status)
                .put("chunks", (Integer) null).put("chunks_indexed", 0).put("progress", (Double) null)
                .put("error", (String) null).put("created_at", updatedAt.toString())
                .put("updated_at", updatedAt.toString()).put("_seq", sequence.incrementAndGet());
        documents.put(document.getString("id"), document);
        return document;
    }

    private void documents(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String rest = request.path().substring(DOCUMENTS.length());
        String method = request.method().name();
        boolean privileged = FakeIngestFiles.privileged(caller);
        if (rest.isEmpty() && method.equals("POST")) {
            JsonObject asked = body.toJsonObject();
            String owner = asked.getString("owner") == null ? caller.user() : asked.getString("owner");
            if (!owner.equals(caller.user()) && !privileged) {
                FakeIngestFiles.problem(request, 403, "forbidden", "'owner' names another user");
                return;
            }
            if (asked.getString("file_id") == null || asked.getString("name") == null
                    || asked.getString("data_type") == null) {
                FakeIngestFiles.problem(request, 400, "validation", "file_id, name and data_type are required");
                return;
            }
            for (JsonObject existing : documents.values()) {
                if (existing.getString("owner").equals(owner)
                        && existing.getString("file_id").equals(asked.getString("file_id"))) {
                    FakeIngestFiles.json(request, 200, view(existing));
                    return;
                }
            }
            JsonObject created = put(owner, asked.getString("file_id"), asked.getString("name"), "indexing",
                    Instant.now()).put("data_type", asked.getString("data_type"));
            FakeIngestFiles.json(request, 201, view(created));
        } else if (rest.isEmpty() && method.equals("GET")) {
            String owner = request.getParam("owner");
            if (owner != null && !owner.equals(caller.user()) && !privileged) {
                FakeIngestFiles.problem(request, 403, "forbidden", "'owner' names another user");
                return;
            }
            String filter = owner != null ? owner : privileged ? null : caller.user();
            String status = request.getParam("status");
            List<JsonObject> found = documents.values().stream()
                    .filter(d -> filter == null || d.getString("owner").equals(filter))
                    .filter(d -> status == null || d.getString("status").equals(status))
                    .sorted(Comparator.comparingLong((JsonObject d) -> d.getLong("_seq")).reversed()).toList();
            page(request, found.stream().map(FakeMetadataRecords::view).toList());
        } else {
            JsonObject document = documents.get(rest.substring(1));
            if (document == null || !privileged && !document.getString("owner").equals(caller.user())) {
                FakeIngestFiles.problem(request, 404, "not-found", "No document " + rest.substring(1));
            } else if (method.equals("GET")) {
                FakeIngestFiles.json(request, 200, view(document));
            } else if (method.equals("PATCH")) {
                JsonObject patch = body.toJsonObject();
                patches.add(new Patch(document.getString("id"), caller.user(), patch));
                for (String field : List.of("status", "chunks", "chunks_indexed", "error")) {
                    if (patch.containsKey(field) && patch.getValue(field) != null) {
                        Object value = patch.getValue(field);
                        document.put(field, "error".equals(field) && "".equals(value) ? null : value);
                    }
                }
                Integer chunks = document.getInteger("chunks");
                if (chunks != null && document.getInteger("chunks_indexed") > chunks) {
                    FakeIngestFiles.problem(request, 400, "validation", "chunks_indexed must be at most chunks");
                    return;
                }
                document.put("updated_at", Instant.now().toString());
                FakeIngestFiles.json(request, 200, view(document));
            } else if (method.equals("DELETE")) {
                documents.remove(document.getString("id"));
                request.response().setStatusCode(204).end();
            } else {
                FakeIngestFiles.problem(request, 405, "method-not-allowed", method);
            }
        }
    }

    private void notices(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String rest = request.path().substring(NOTICES.length());
        String method = request.method().name();
        boolean admin = FakeIngestFiles.privileged(caller);
        if (rest.isEmpty() && method.equals("POST")) {
            if (!admin) {
                FakeIngestFiles.problem(request, 403, "forbidden", "Posting notices needs the admin role");
                return;
            }
            JsonObject asked = body.toJsonObject();
            JsonObject notice = new JsonObject().put("id", UUID.randomUUID().toString())
                    .put("title", asked.getString("title")).put("body", asked.getString("body"))
                    .put("author", caller.user()).put("created_at", Instant.now().toString())
                    .put("_seq", sequence.incrementAndGet());
            notices.put(notice.getString("id"), notice);
            FakeIngestFiles.json(request, 201, view(notice));
        } else if (rest.isEmpty() && method.equals("GET")) {
            page(request, notices.values().stream()
                    .sorted(Comparator.comparingLong((JsonObject n) -> n.getLong("_seq")).reversed())
                    .map(FakeMetadataRecords::view).toList());
        } else {
            JsonObject notice = notices.get(rest.substring(1));
            if (notice == null) {
                FakeIngestFiles.problem(request, 404, "not-found", "No notice " + rest.substring(1));
            } else if (method.equals("GET")) {
                FakeIngestFiles.json(request, 200, view(notice));
            } else if (method.equals("DELETE") && admin) {
                notices.remove(notice.getString("id"));
                request.response().setStatusCode(204).end();
            } else {
                FakeIngestFiles.problem(request, 403, "forbidden", "Deleting notices needs the admin role");
            }
        }
    }

    private static void page(HttpServerRequest request, List<JsonObject> all) {
        int page = Integer.parseInt(request.getParam("page", "0"));
        int size = Integer.parseInt(request.getParam("size", "20"));
        int from = Math.min(all.size(), page * size);
        FakeIngestFiles.json(request, 200, new JsonObject()
                .put("items", new JsonArray(all.subList(from, Math.min(all.size(), from + size))))
                .put("page", page).put("size", size).put("total", all.size()));
    }

    /** The record without the fake's own bookkeeping, with progress computed as metadata-service does. */
    private static JsonObject view(JsonObject record) {
        JsonObject view = record.copy();
        view.remove("_seq");
        if (view.containsKey("chunks_indexed")) {
            Integer chunks = view.getInteger("chunks");
            view.put("progress", chunks == null ? null
                    : chunks == 0 ? 1.0 : Math.min(1.0, view.getInteger("chunks_indexed") / (double) chunks));
        }
        return view;
    }
}
