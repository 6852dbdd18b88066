package ai.datasuite.gateway.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A training set's sources with their owner rules (a user sees only their own; admins and services anyone's, or one
 * owner's with {@code ?owner=}): retrieval-service's Q&A datasets ({@code GET /api/v1/datasets},
 * {@code /{id}/rows}) and metadata-service's rated chat turns ({@code GET /api/v1/conversations/rated}). One
 * instance serves both paths; tests seed it.
 */
public final class FakeFineTuneMaterial implements FakeEndpoints {

    public static final String DATASETS = "/api/v1/datasets";
    public static final String RATED = "/api/v1/conversations/rated";

    /** A Q&A row. */
    public record Row(String context, String question, String answer) {
    }

    private record Dataset(String id, String owner, List<Row> rows) {
    }

    private record Rated(String owner, String question, String answer, int rating) {
    }

    private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();
    private final List<Rated> rated = new CopyOnWriteArrayList<>();
    /** Who asked for what ("datasets", "rows", "rated"). */
    public final List<String> asked = new CopyOnWriteArrayList<>();

    public String addDataset(String owner, List<Row> rows) {
        String id = UUID.randomUUID().toString();
        datasets.put(id, new Dataset(id, owner, List.copyOf(rows)));
        return id;
    }

    public void addRatedTurn(String owner, String question, String answer, int rating) {
        rated.add(new Rated(owner, question, answer, rating));
    }

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        boolean admin = "admin".equals(caller.role()) || "service".equals(caller.role());
        String owner = request.getParam("owner");
        if (!admin && owner != null && !owner.equals(caller.user())) {
            FakeFineTuneJobs.send(request, 403, FakeFineTuneJobs.problem(403, "forbidden", "another owner"));
            return;
        }
        String filter = admin ? owner : caller.user();
        int page = Integer.parseInt(request.getParam("page", "0"));
        int size = Integer.parseInt(request.getParam("size", "20"));
        String path = request.path();
        if (path.equals(RATED)) {
            asked.add("rated " + caller.user());
            int min = Integer.parseInt(request.getParam("min_rating", "1"));
            List<Rated> matching = rated.stream().filter(r -> filter == null || r.owner().equals(filter))
                    .filter(r -> r.rating() >= min).toList();
            JsonArray items = new JsonArray();
            matching.stream().skip((long) page * size).limit(size).forEach(r -> items.add(new JsonObject()
                    .put("conversation_id", "c-" + r.owner()).put("message_id", items.size() + 1)
                    .put("question", r.question()).put("answer", r.answer()).put("rating", r.rating())));
            FakeFineTuneJobs.send(request, 200, page(items, page, size, matching.size()));
        } else if (path.equals(DATASETS)) {
            asked.add("datasets " + caller.user());
            List<Dataset> matching = datasets.values().stream()
                    .filter(d -> filter == null || d.owner().equals(filter)).toList();
            JsonArray items = new JsonArray();
            matching.stream().skip((long) page * size).limit(size).forEach(d -> items.add(new JsonObject()
                    .put("id", d.id()).put("name", "qa-" + d.owner()).put("rows", d.rows().size())
                    .put("owner", d.owner())));
            // retrieval-service's DatasetPage names its list "datasets"
            FakeFineTuneJobs.send(request, 200, new JsonObject().put("total", matching.size()).put("page", page)
                    .put("size", size).put("datasets", items));
        } else if (path.startsWith(DATASETS + "/") && path.endsWith("/rows")) {
            asked.add("rows " + caller.user());
            Dataset dataset = datasets.get(path.substring(DATASETS.length() + 1, path.length() - "/rows".length()));
            if (dataset == null || !admin && !dataset.owner().equals(caller.user())) {
                FakeFineTuneJobs.send(request, 404, FakeFineTuneJobs.problem(404, "not-found", "no dataset"));
                return;
            }
            JsonArray rows = new JsonArray();
            for (int i = page * size; i < Math.min(dataset.rows().size(), (page + 1) * size); i++) {
                Row row = dataset.rows().get(i);
                rows.add(new JsonObject().put("row", i + 1).put("question", row.question())
                        .put("answer", row.answer()).put("context", row.context()));
            }
            FakeFineTuneJobs.send(request, 200, new JsonObject().put("dataset_id", dataset.id())
                    .put("total", dataset.rows().size()).put("page", page).put("size", size).put("rows", rows));
        } else {
            FakeFineTuneJobs.send(request, 404, FakeFineTuneJobs.problem(404, "not-found", "no such path"));
        }
    }

    private static JsonObject page(JsonArray items, int page, int size, int total) {
        return new JsonObject().put("items", items).put("page", page).put("size", size).put("total", total);
    }
}
