package ai.datasuite.gateway.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * retrieval-service's collections ({@code /api/v1/collections/{name}/...}) in memory: upserts by id (each batch
 * recorded), delete, similar (every other item, score falling), and projection / word map answered by Accept (JSON
 * echoing the request, a PNG, or a zip's first bytes). Another owner's collection is 404.
 */
public final class FakeCollections implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/collections";

    public record Collection(String owner, Map<String, JsonObject> items) {
    }

    /** A projection or word-map request: the collection, its Accept and body. */
    public record Drawn(String collection, String kind, String accept, JsonObject body) {
    }

    private static final Pattern PATH = Pattern.compile("/api/v1/collections/([^/]+)(/.*)?");
    public final Map<String, Collection> collections = new ConcurrentHashMap<>();
    public final List<Integer> batches = new CopyOnWriteArrayList<>();
    public final List<Drawn> drawn = new CopyOnWriteArrayList<>();
    public final List<String> deleted = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            FakeIngestFiles.problem(request, 404, "not-found", "No endpoint " + request.path());
            return;
        }
        String name = m.group(1);
        String rest = m.group(2) == null ? "" : m.group(2);
        Collection collection = collections.get(name);
        boolean visible = collection != null && (FakeIngestFiles.privileged(caller)
                || collection.owner().equals(caller.user()));
        String method = request.method().name();
        if (method.equals("POST") && rest.equals("/items")) {
            if (collection != null && !visible) {
                FakeIngestFiles.problem(request, 404, "not-found", "No collection " + name);
                return;
            }
            Collection target = collections.computeIfAbsent(name, n -> new Collection(caller.user(),
                    new LinkedHashMap<>()));
            JsonArray items = body.toJsonObject().getJsonArray("items");
            items.forEach(o -> target.items().put(((JsonObject) o).getString("id"), (JsonObject) o));
            batches.add(items.size());
            FakeIngestFiles.json(request, 200, new JsonObject().put("collection", name).put("upserted", items.size())
                    .put("count", target.items().size()));
            return;
        }
        if (!visible) {
            FakeIngestFiles.problem(request, 404, "not-found", "No collection " + name);
            return;
        }
        if (method.equals("DELETE") && rest.isEmpty()) {
            collections.remove(name);
            deleted.add(name);
            request.response().setStatusCode(204).end();
        } else if (method.equals("GET") && rest.startsWith("/items/") && rest.endsWith("/similar")) {
            String id = rest.substring("/items/".length(), rest.length() - "/similar".length());
            if (!collection.items().containsKey(id)) {
                FakeIngestFiles.problem(request, 404, "not-found", "No item " + id);
                return;
            }
            int k = Integer.parseInt(request.getParam("k"));
            JsonArray neighbours = new JsonArray();
            double score = 0.9;
            for (JsonObject item : collection.items().values()) {
                if (!item.getString("id").equals(id) && neighbours.size() < k) {
                    neighbours.add(new JsonObject().put("id", item.getString("id")).put("score", score)
                            .put("payload", item.getJsonObject("payload")));
                    score -= 0.1;
                }
            }
            FakeIngestFiles.json(request, 200, new JsonObject().put("collection", name).put("id", id)
                    .put("neighbours", neighbours));
        } else if (method.equals("POST") && (rest.equals("/projection") || rest.equals("/word-map"))) {
            String accept = request.getHeader("Accept");
            drawn.add(new Drawn(name, rest.substring(1), accept, body.toJsonObject()));
            if (accept != null && accept.startsWith("image/png")) {
                request.response().putHeader("Content-Type", "image/png")
                        .end(Buffer.buffer(new byte[] {(byte) 0x89, 'P', 'N', 'G', 9}));
            } else if (accept != null && accept.startsWith("application/zip")) {
                request.response().putHeader("Content-Type", "application/zip")
                        .end(Buffer.buffer(new byte[] {'P', 'K', 3, 4, 7}));
            } else {
                FakeIngestFiles.json(request, 200, new JsonObject().put("collection", name)
                        .put("method", "t-SNE").put("request", body.toJsonObject()));
            }
        } else {
            FakeIngestFiles.problem(request, 404, "not-found", "No endpoint " + method + " " + request.path());
        }
    }
}
