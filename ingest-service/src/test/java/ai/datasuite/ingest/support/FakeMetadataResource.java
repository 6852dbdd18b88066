package ai.datasuite.ingest.support;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;

import ai.datasuite.testsupport.FakeHttpServer;
import ai.datasuite.testsupport.openapi.ContractRecorder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for metadata-service's file endpoints (same paths, bodies and status codes), on a free local port.
 * Tests read its rows, and switch it "down" to see what ingest does when its system of record fails. Every request it
 * receives and every answer it sends is checked against metadata-service's committed contract ({@link #CONTRACT}).
 * Like metadata-service, it takes the caller only from the identity ingest signs onto the hop ({@link FakeIdentity}):
 * a request without a valid one is 401, and (while {@link #OWNER_RULES} holds) a user sees, lists and deletes only
 * their own rows; the hops it received are kept in {@link #HOPS}.
 */
public class FakeMetadataResource implements QuarkusTestResourceLifecycleManager {

    /** What this fake did that metadata-service's OpenAPI document (contracts/) does not allow. */
    public static final ContractRecorder CONTRACT = ContractRecorder.of("FakeMetadataResource", "metadata-service");

    public static final Map<String, Map<String, Object>> ROWS = new ConcurrentHashMap<>();
    public static final AtomicBoolean DOWN = new AtomicBoolean();
    /** Apply metadata-service's owner rules; off, it answers any valid identity everything (to test ingest's own). */
    public static final AtomicBoolean OWNER_RULES = new AtomicBoolean(true);
    /** Every request with a valid identity: "METHOD path" and who made it. */
    public static final List<Hop> HOPS = new CopyOnWriteArrayList<>();

    /** One request and the verified identity it carried. */
    public record Hop(String request, FakeIdentity identity) {
    }

    /** How POST /api/v1/files misbehaves, to test ingest's handling of commits whose outcome it cannot see. */
    public enum CreateFault {
        NONE,
        /** Commits the row, then answers 500 (the answer is lost, the row is not). */
        COMMIT_THEN_500,
        /** Answers 500 without committing anything. */
        FAIL_500,
        /** Commits the row, then answers 409, as a retry racing with its own first attempt would get. */
        COMMIT_THEN_409
    }

    public static final java.util.concurrent.atomic.AtomicReference<CreateFault> CREATE_FAULT =
            new java.util.concurrent.atomic.AtomicReference<>(CreateFault.NONE);

    private FakeHttpServer server;

    @Override
    public Map<String, String> start() {
        server = FakeHttpServer.start("/api/v1/files", this::handle, 0);
        return Map.of("quarkus.rest-client.metadata.url", server.url());
    }

    @Override
    public void stop() {
        server.stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (DOWN.get()) {
                send(exchange, 503, Map.of("type", "urn:ai-data-suite:problem:internal", "status", 503));
                return;
            }
            String path = exchange.getRequestURI().getPath().substring("/api/v1/files".length());
            String method = exchange.getRequestMethod();
            FakeIdentity caller = FakeIdentity.of(exchange);
            if (caller == null) {
                send(exchange, 401, Map.of("type", "urn:ai-data-suite:problem:unauthorized", "status", 401,
                        "detail", "no valid identity token on " + method + " " + exchange.getRequestURI()));
                return;
            }
            HOPS.add(new Hop(method + " " + exchange.getRequestURI().getPath(), caller));
            if (!method.equals("POST")) {
                CONTRACT.request(method, exchange.getRequestURI().toString(), null, null);
            }
            boolean rules = OWNER_RULES.get();
            if (rules && method.equals("POST") && !caller.viaService()) {
                send(exchange, 403, forbidden("creating file records and the reference check are internal"));
            } else if (path.equals("/references") && method.equals("POST")) {
                Map<String, Object> query = read(exchange);
                List<?> keys = (List<?>) query.get("keys");
                List<Object> referenced = keys.stream().filter(k -> ROWS.values().stream()
                        .anyMatch(r -> k.equals(r.get("object_key")) || k.equals(r.get("text_key")))).map(k -> (Object) k).toList();
                send(exchange, 200, Map.of("referenced", referenced));
            } else if (path.isEmpty() && method.equals("POST")) {
                Map<String, Object> body = read(exchange);
                if (rules && !caller.canSee((String) body.get("owner_id"))) {
                    send(exchange, 403, forbidden("'owner_id' names another user"));
                } else {
                    create(exchange, body);
                }
            } else if (path.isEmpty() && method.equals("GET")) {
                Map<String, String> query = new HashMap<>(FakeHttpServer.query(exchange));
                if (rules && !caller.admin()) {
                    if (query.get("owner_id") != null && !caller.canSee(query.get("owner_id"))) {
                        send(exchange, 403, forbidden("'owner_id' names another user"));
                        return;
                    }
                    query.put("owner_id", caller.user());
                }
                list(exchange, query);
            } else {
                String id = path.substring(1);
                Map<String, Object> row = ROWS.get(id);
                if (row != null && rules && !caller.canSee((String) row.get("owner_id"))) {
                    row = null; // another user's row is answered as absent, as metadata-service does
                }
                if (row == null) {
                    send(exchange, 404, Map.of("type", "urn:ai-data-suite:problem:not-found", "status", 404,
                            "detail", "file '" + id + "' does not exist"));
                } else if (method.equals("DELETE")) {
                    ROWS.remove(id);
                    FakeHttpServer.sendNoContent(exchange, CONTRACT);
                } else {
                    send(exchange, 200, row);
                }
            }
        }
    }

    private void create(HttpExchange exchange, Map<String, Object> body) throws IOException {
        CreateFault fault = CREATE_FAULT.get();
        if (fault == CreateFault.FAIL_500) {
            send(exchange, 500, Map.of("type", "urn:ai-data-suite:problem:internal", "status", 500));
            return;
        }
        if (fault != CreateFault.NONE) {
            Map<String, Object> row = new LinkedHashMap<>(body);
            row.put("status", "STORED");
            row.put("created_at", Instant.now().toString());
            ROWS.putIfAbsent((String) row.get("id"), row);
            if (fault == CreateFault.COMMIT_THEN_500) {
                send(exchange, 500, Map.of("type", "urn:ai-data-suite:problem:internal", "status", 500));
            } else {
                send(exchange, 409, Map.of("type", "urn:ai-data-suite:problem:conflict", "status", 409,
                        "existing_id", row.get("id")));
            }
            return;
        }
        Map<String, Object> same = ROWS.get((String) body.get("id"));
        if (same != null) {
            send(exchange, 200, same);
            return;
        }
        for (Map<String, Object> row : ROWS.values()) {
            if (row.get("owner_id").equals(body.get("owner_id")) && row.get("sha256").equals(body.get("sha256"))) {
                send(exchange, 409, Map.of("type", "urn:ai-data-suite:problem:conflict", "status", 409,
                        "existing_id", row.get("id")));
                return;
            }
        }
        Map<String, Object> row = new LinkedHashMap<>(body);
        row.put("status", "STORED");
        row.put("created_at", Instant.now().toString());
        ROWS.put((String) row.get("id"), row);
        send(exchange, 201, row);
    }

    private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
        List<Map<String, Object>> items = new ArrayList<>(ROWS.values().stream()
                .filter(r -> matches(r, "owner_id", query) && matches(r, "sha256", query)
                        && matches(r, "data_type", query) && matches(r, "media_type", query)
                        && matches(r, "task_id", query)
                        && (query.get("tag") == null || ((List<?>) r.get("tags")).contains(query.get("tag"))))
                .sorted(Comparator.comparing(r -> (String) r.get("created_at"), Comparator.reverseOrder()))
                .toList());
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "20"));
        List<Map<String, Object>> slice = items.subList(Math.min(items.size(), page * size),
                Math.min(items.size(), page * size + size));
        send(exchange, 200, Map.of("items", slice, "page", page, "size", size, "total", items.size()));
    }

    private static Map<String, Object> forbidden(String detail) {
        return Map.of("type", "urn:ai-data-suite:problem:forbidden", "status", 403, "detail", detail);
    }

    private static boolean matches(Map<String, Object> row, String key, Map<String, String> query) {
        return query.get(key) == null || query.get(key).equals(row.get(key));
    }

    private static Map<String, Object> read(HttpExchange exchange) throws IOException {
        Map<String, Object> body = FakeHttpServer.readJson(exchange.getRequestBody().readAllBytes());
        CONTRACT.request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), "application/json", body);
        return body;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        FakeHttpServer.sendJson(exchange, status, body, CONTRACT);
    }
}
