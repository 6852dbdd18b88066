package ai.datasuite.retrieval.support;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
 * An in-memory stand-in for metadata-service's dataset catalogue (same paths, bodies and status codes as
 * metadata-service's DatasetResource: caller-chosen id, 201 / 200 for the same body again / 409, list newest first
 * with owner and file_id filters, 404, delete). It records requests with their verified callers, and creates can be
 * made to fail (500). Every request it receives and every answer it sends is checked against metadata-service's
 * committed contract ({@link #CONTRACT}).
 * <p>
 * Identity as metadata-service applies it: no valid Bearer token is 401; a create must come through a service hop
 * (not straight from the gateway) and may name another owner only for an admin (403); with {@link #OWNER_RULES} on
 * (the default), the list shows a user only their own datasets (naming another owner is 403) and another user's
 * dataset is 404. Tests switch the owner rules off to see that retrieval-service applies them itself too.
 */
public class FakeDatasetsMetadata implements QuarkusTestResourceLifecycleManager {

    private static final String BASE = "/api/v1/datasets";
    private static final String PROBLEM = "urn:ai-data-suite:problem:";

    /** What this fake did that metadata-service's OpenAPI document (contracts/) does not allow. */
    public static final ContractRecorder CONTRACT = ContractRecorder.of("FakeDatasetsMetadata", "metadata-service");

    /** One request and who made it. */
    public record Recorded(String method, String path, FakeCallers.Caller caller) {
    }

    public static final Map<String, Map<String, Object>> DATASETS = new ConcurrentHashMap<>();
    public static final List<Recorded> REQUESTS = new CopyOnWriteArrayList<>();
    public static final AtomicBoolean FAIL_CREATES = new AtomicBoolean();
    public static final AtomicBoolean OWNER_RULES = new AtomicBoolean(true);

    private FakeHttpServer server;

    @Override
    public Map<String, String> start() {
        server = FakeHttpServer.start(BASE, this::handle, 4);
        return Map.of("quarkus.rest-client.metadata.url", server.url());
    }

    @Override
    public void stop() {
        server.stop();
    }

    public static void reset() {
        DATASETS.clear();
        REQUESTS.clear();
        FAIL_CREATES.set(false);
        OWNER_RULES.set(true);
    }

    public static long creates() {
        return REQUESTS.stream().filter(r -> r.method().equals("POST")).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            FakeCallers.Caller caller = FakeCallers.of(exchange);
            REQUESTS.add(new Recorded(method, exchange.getRequestURI().toString(), caller));
            if (!method.equals("POST")) {
                CONTRACT.request(method, exchange.getRequestURI().toString(), null, null);
            }
            if (caller == null) {
                send(exchange, 401, FakeCallers.unauthorized());
                return;
            }
            boolean rules = OWNER_RULES.get();
            String id = path.length() > BASE.length() ? path.substring(BASE.length() + 1) : null;
            if (method.equals("POST") && id == null) {
                if (FAIL_CREATES.get()) {
                    send(exchange, 500, Map.of("type", PROBLEM + "internal", "status", 500, "detail", "fake metadata failed"));
                    return;
                }
                Map<String, Object> request = FakeHttpServer.readJson(body);
                CONTRACT.request(method, exchange.getRequestURI().toString(), "application/json", request);
                if ("chat-gateway".equals(caller.signedBy())) {
                    send(exchange, 403, FakeCallers.forbidden("Creating datasets is internal to the suite"));
                    return;
                }
                if (!caller.canSee((String) request.get("owner"))) {
                    send(exchange, 403, FakeCallers.forbidden("'owner' names another user"));
                    return;
                }
                String newId = (String) request.get("id");
                Map<String, Object> existing = DATASETS.get(newId);
                if (existing != null) {
                    send(exchange, 200, existing);
                    return;
                }
                Map<String, Object> view = new LinkedHashMap<>(request);
                view.put("uploaded_at", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
                DATASETS.put(newId, view);
                send(exchange, 201, view);
            } else if (method.equals("GET") && id == null) {
                Map<String, String> query = FakeHttpServer.query(exchange);
                String owner = query.get("owner");
                if (rules && !caller.isAdmin()) {
                    if (owner != null && !owner.equals(caller.user())) {
                        send(exchange, 403, FakeCallers.forbidden("'owner' names another user"));
                        return;
                    }
                    owner = caller.user();
                }
                String ownerFilter = owner;
                List<Map<String, Object>> list = new ArrayList<>(DATASETS.values().stream()
                        .filter(d -> ownerFilter == null || ownerFilter.equals(d.get("owner")))
                        .filter(d -> query.get("file_id") == null || query.get("file_id").equals(d.get("file_id")))
                        .toList());
                list.sort(Comparator.comparing((Map<String, Object> d) -> (String) d.get("uploaded_at")).reversed());
                send(exchange, 200, list);
            } else if (method.equals("GET")) {
                Map<String, Object> view = DATASETS.get(id);
                if (view == null || rules && !caller.canSee((String) view.get("owner"))) {
                    send(exchange, 404, Map.of("type", PROBLEM + "not-found", "status", 404, "detail", "No dataset " + id));
                } else {
                    send(exchange, 200, view);
                }
            } else if (method.equals("DELETE") && id != null) {
                Map<String, Object> view = DATASETS.get(id);
                if (view == null || rules && !caller.canSee((String) view.get("owner"))
                        || DATASETS.remove(id) == null) {
                    send(exchange, 404, Map.of("type", PROBLEM + "not-found", "status", 404, "detail", "No dataset " + id));
                } else {
                    FakeHttpServer.sendNoContent(exchange, CONTRACT);
                }
            } else {
                send(exchange, 405, Map.of("type", PROBLEM + "method-not-allowed", "status", 405));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        FakeHttpServer.sendJson(exchange, status, body, CONTRACT);
    }
}
