package ai.datasuite.gateway.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import ai.datasuite.gateway.key.ApiKeys;

/**
 * metadata-service's key store as the gateway uses it (same paths, bodies and status codes), in memory: create, list,
 * get and delete need an admin (or a service) identity, lookup needs role service, and the hash is never answered.
 * Tests seed keys straight into it, count lookups, and make lookups fail.
 */
public final class FakeKeyStore {

    /** A stored key. */
    public record Row(String id, String keyHash, String keyPrefix, String userId, String role, Instant createdAt) {
    }

    /** One call to the store and who made it ("create", "list", "get", "delete", "lookup"). */
    public record Call(String operation, VerifiedIdentity identity) {
    }

    private final Map<String, Row> rows = new ConcurrentHashMap<>();
    public final AtomicInteger lookups = new AtomicInteger();
    public final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Non-zero: lookups answer this status (a failing store). */
    public volatile int lookupFailure;

    /** Stores {@code key} for {@code userId} with {@code role} as the gateway would; returns its id. */
    public String seed(String key, String userId, String role) {
        Row row = new Row(UUID.randomUUID().toString(), ApiKeys.hash(key), ApiKeys.prefix(key), userId, role,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        rows.put(row.id(), row);
        return row.id();
    }

    /** Removes a key behind the gateway's back (as another gateway instance would). */
    public void remove(String id) {
        rows.remove(id);
    }

    public boolean contains(String id) {
        return rows.containsKey(id);
    }

    /** Every stored row, as a test may inspect it. */
    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    void handle(HttpServerRequest request, VerifiedIdentity caller) {
        String rest = request.path().substring("/api/v1/keys".length());
        request.body().onSuccess(body -> {
            if (rest.startsWith("/lookup/")) {
                calls.add(new Call("lookup", caller));
                lookups.incrementAndGet();
                if (!"service".equals(caller.role())) {
                    send(request, 403, problem(403, "forbidden", "lookups are for services"));
                } else if (lookupFailure != 0) {
                    send(request, lookupFailure, problem(lookupFailure, "internal", "store failing"));
                } else {
                    String hash = rest.substring("/lookup/".length());
                    rows.values().stream().filter(row -> row.keyHash().equals(hash)).findFirst().ifPresentOrElse(
                            row -> send(request, 200, view(row)),
                            () -> send(request, 404, problem(404, "not-found", "no key")));
                }
                return;
            }
            String method = request.method().name();
            String operation = switch (method) {
                case "POST" -> "create";
                case "DELETE" -> "delete";
                default -> rest.isEmpty() ? "list" : "get";
            };
            calls.add(new Call(operation, caller));
            if (!"admin".equals(caller.role()) && !"service".equals(caller.role())) {
                send(request, 403, problem(403, "forbidden", "keys are for admins"));
                return;
            }
            switch (operation) {
                case "create" -> {
                    JsonObject in = body.toJsonObject();
                    String hash = in.getString("key_hash");
                    if (rows.values().stream().anyMatch(row -> row.keyHash().equals(hash))) {
                        send(request, 409, problem(409, "conflict", "hash exists"));
                        return;
                    }
                    Row row = new Row(UUID.randomUUID().toString(), hash, in.getString("key_prefix"),
                            in.getString("user_id"), in.getString("role"), Instant.now().truncatedTo(ChronoUnit.MICROS));
                    rows.put(row.id(), row);
                    send(request, 201, view(row));
                }
                case "list" -> {
                    String user = request.getParam("user_id");
                    int page = Integer.parseInt(request.getParam("page", "0"));
                    int size = Integer.parseInt(request.getParam("size", "20"));
                    List<Row> matching = new ArrayList<>(rows.values().stream()
                            .filter(row -> user == null || row.userId().equals(user))
                            .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList());
                    JsonArray items = new JsonArray();
                    matching.stream().skip((long) page * size).limit(size).forEach(row -> items.add(view(row)));
                    send(request, 200, new JsonObject().put("items", items).put("page", page).put("size", size)
                            .put("total", matching.size()));
                }
                case "get" -> {
                    Row row = rows.get(rest.substring(1));
                    send(request, row == null ? 404 : 200, row == null ? problem(404, "not-found", "no key") : view(row));
                }
                default -> {
                    Row removed = rows.remove(rest.substring(1));
                    if (removed == null) {
                        send(request, 404, problem(404, "not-found", "no key"));
                    } else {
                        request.response().setStatusCode(204).end();
                    }
                }
            }
        });
    }

    private static JsonObject view(Row row) {
        return new JsonObject().put("id", row.id()).put("key_prefix", row.keyPrefix()).put("user_id", row.userId())
                .put("role", row.role()).put("created_at", row.createdAt().toString());
    }

    private static JsonObject problem(int status, String slug, String detail) {
        return new JsonObject().put("type", "urn:ai-data-suite:problem:" + slug).put("title", slug)
                .put("status", status).put("detail", detail);
    }

    private static void send(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status)
                .putHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .end(body.encode());
    }
}
