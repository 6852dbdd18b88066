package ai.datasuite.inference.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

import ai.datasuite.testsupport.FakeHttpServer;
import ai.datasuite.testsupport.openapi.ContractRecorder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An in-memory stand-in for metadata-service's comment endpoints (docs: briefs/comments-contract.md): same paths,
 * bodies and status codes, including leases (with a clock tests can move forward) and rejected late results. It
 * records every request and how often each comment's prediction was written, and can be switched "down" (503). Every
 * request it receives and every answer it sends is checked against metadata-service's committed contract
 * ({@link #CONTRACT}). Like metadata-service it needs a verified identity on every request (401 without one) and
 * applies the comment owner rules to it ({@link FakeCaller}): a user posts, lists and reads their own comments,
 * annotators read and label everyone's, and claims and results come only from the suite's services.
 */
public class FakeCommentsMetadata implements QuarkusTestResourceLifecycleManager {

    /** What this fake did that metadata-service's OpenAPI document (contracts/) does not allow. */
    public static final ContractRecorder CONTRACT = ContractRecorder.of("FakeCommentsMetadata", "metadata-service");

    public static final List<String> LABELS = List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise");
    private static final String BASE = "/api/v1/comments";

    /** A request as received: method, path with query, JSON body (null for none), verified caller (null for none). */
    public record Recorded(String method, String path, Map<String, Object> body, FakeCaller caller) {
    }

    public static final List<Recorded> REQUESTS = new CopyOnWriteArrayList<>();
    public static final AtomicBoolean DOWN = new AtomicBoolean();
    /** For a test's own calls straight to the fake (no token): they are then answered as an admin's. */
    public static final AtomicBoolean UNSIGNED_ALLOWED = new AtomicBoolean();
    private static final Map<Long, Row> ROWS = new TreeMap<>();
    private static final Map<Long, Integer> WRITES = new HashMap<>();
    private static final AtomicLong NEXT = new AtomicLong(1);
    private static final AtomicLong CLOCK_OFFSET_MS = new AtomicLong();

    private FakeHttpServer server;

    /** One stored comment with its lease. */
    static final class Row {
        long num;
        String comments;
        String requestUser;
        Instant requestTime;
        String status = "pending";
        String predictionResult;
        Double predictionScore;
        String modelVersion;
        Instant predictedAt;
        String trueLabel;
        String feedback;
        String labelledBy;
        Instant labelledAt;
        int attempts;
        String lastError;
        String leaseOwner;
        Instant leaseUntil;
        int maxAttempts = Integer.MAX_VALUE;

        Map<String, Object> view() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("num", num);
            v.put("comments", comments);
            v.put("request_user", requestUser);
            v.put("request_time", requestTime.toString());
            v.put("status", status);
            v.put("prediction_result", predictionResult);
            v.put("prediction_score", predictionScore);
            v.put("model_version", modelVersion);
            v.put("predicted_at", predictedAt == null ? null : predictedAt.toString());
            v.put("true_label", trueLabel);
            v.put("feedback", feedback);
            v.put("labelled_by", labelledBy);
            v.put("labelled_at", labelledAt == null ? null : labelledAt.toString());
            v.put("attempts", attempts);
            v.put("last_error", lastError);
            return v;
        }
    }

    @Override
    public Map<String, String> start() {
        server = FakeHttpServer.start(BASE, this::handle, 8);
        return Map.of("quarkus.rest-client.metadata.url", server.url());
    }

    @Override
    public void stop() {
        server.stop();
    }

    // ---- what tests use ----

    public static synchronized void reset() {
        ROWS.clear();
        WRITES.clear();
        REQUESTS.clear();
        DOWN.set(false);
        UNSIGNED_ALLOWED.set(false);
        CLOCK_OFFSET_MS.set(0);
    }

    /** Stores a pending comment directly, as if another instance had posted it. */
    public static synchronized long seed(String user, String text) {
        Row row = new Row();
        row.num = NEXT.getAndIncrement();
        row.comments = text;
        row.requestUser = user;
        row.requestTime = now();
        ROWS.put(row.num, row);
        return row.num;
    }

    /** Stores a predicted and labelled comment directly. */
    public static synchronized long seedLabelled(String text, String predicted, String truth, double score) {
        long num = seed("seed", text);
        Row row = ROWS.get(num);
        row.status = "predicted";
        row.predictionResult = predicted;
        row.predictionScore = score;
        row.modelVersion = "seed";
        row.predictedAt = now();
        row.trueLabel = truth;
        row.labelledBy = "seed";
        row.labelledAt = now();
        return num;
    }

    public static synchronized Map<String, Object> row(long num) {
        Row row = ROWS.get(num);
        return row == null ? null : row.view();
    }

    public static synchronized List<Map<String, Object>> rows() {
        return ROWS.values().stream().map(Row::view).toList();
    }

    public static synchronized String leaseOwner(long num) {
        return ROWS.get(num).leaseOwner;
    }

    /** How many times each comment's prediction was written (a correct system writes each at most once). */
    public static synchronized Map<Long, Integer> writes() {
        return new HashMap<>(WRITES);
    }

    /** Moves the fake's clock forward, so leases expire without waiting. */
    public static void advanceClock(Duration by) {
        CLOCK_OFFSET_MS.addAndGet(by.toMillis());
    }

    /** Claims like POST /claims would, for a worker that is not the service under test. */
    public static synchronized List<Long> claimAs(String worker, int limit, int leaseSeconds) {
        return claim(worker, limit, leaseSeconds, 100).stream().map(r -> r.num).toList();
    }

    public static List<Recorded> requests(String method, String pathPrefix) {
        return REQUESTS.stream().filter(r -> r.method.equals(method) && r.path.startsWith(pathPrefix)).toList();
    }

    private static Instant now() {
        return Instant.now().plusMillis(CLOCK_OFFSET_MS.get());
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String raw = exchange.getRequestURI().getRawQuery();
            Map<String, Object> body = method.equals("GET") ? null
                    : FakeHttpServer.readJson(exchange.getRequestBody().readAllBytes());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            FakeCaller caller = FakeCaller.verify(authorization);
            REQUESTS.add(new Recorded(method, path + (raw == null ? "" : "?" + raw), body, caller));
            CONTRACT.request(method, path + (raw == null ? "" : "?" + raw), "application/json", body);
            if (DOWN.get()) {
                send(exchange, 503, problem(503, "internal", "down for the test"));
                return;
            }
            if (caller == null && !(authorization == null && UNSIGNED_ALLOWED.get())) {
                send(exchange, 401, problem(401, "unauthorized", "no valid identity token"));
                return;
            }
            String rest = path.substring(BASE.length());
            Map<String, String> query = FakeHttpServer.query(exchange);
            synchronized (FakeCommentsMetadata.class) {
                if (rest.isEmpty() && method.equals("POST")) {
                    create(exchange, body, caller);
                } else if (rest.isEmpty() && method.equals("GET")) {
                    list(exchange, query, caller);
                } else if ((rest.equals("/claims") || rest.equals("/results")) && caller != null && !caller.viaService()) {
                    send(exchange, 403, problem(403, "forbidden", "claims and results are internal to the suite"));
                } else if (rest.equals("/claims") && method.equals("POST")) {
                    claims(exchange, body);
                } else if (rest.equals("/results") && method.equals("POST")) {
                    results(exchange, body);
                } else if (rest.equals("/stats") && method.equals("GET")) {
                    send(exchange, 200, stats());
                } else if (rest.matches("/\\d+") && method.equals("GET")) {
                    Row row = ROWS.get(Long.parseLong(rest.substring(1)));
                    boolean visible = row != null && (caller == null || caller.isAnnotator()
                            || caller.id().equals(row.requestUser));
                    send(exchange, visible ? 200 : 404, visible ? row.view() : missing(rest));
                } else if (rest.matches("/\\d+/label") && method.equals("PUT")) {
                    label(exchange, Long.parseLong(rest.substring(1, rest.indexOf("/label"))), body, caller);
                } else {
                    send(exchange, 404, problem(404, "not-found", "no such resource"));
                }
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private static void create(HttpExchange exchange, Map<String, Object> body, FakeCaller caller) throws IOException {
        Object username = body.get("username");
        Object comment = body.get("comment");
        if (caller != null && !caller.isAdmin() && !caller.id().equals(username)) {
            send(exchange, 403, problem(403, "forbidden", "'username' names another user"));
            return;
        }
        if (!(username instanceof String u) || u.isBlank() || u.codePointCount(0, u.length()) > 150 || u.chars().anyMatch(Character::isISOControl)) {
            send(exchange, 400, problem(400, "validation", "username must be 1..150 characters without control characters"));
            return;
        }
        if (!(comment instanceof String c) || c.isBlank() || c.codePointCount(0, c.length()) > 5000) {
            send(exchange, 400, problem(400, "validation", "comment must be 1..5000 characters and not blank"));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> prediction = (Map<String, Object>) body.get("prediction");
        if (prediction != null && !LABELS.contains(prediction.get("label"))) {
            send(exchange, 400, problem(400, "validation", "prediction.label must be one of " + LABELS));
            return;
        }
        long num = seed(u, c);
        Row row = ROWS.get(num);
        if (prediction != null) {
            row.status = "predicted";
            row.predictionResult = (String) prediction.get("label");
            row.predictionScore = ((Number) prediction.get("score")).doubleValue();
            row.modelVersion = (String) prediction.get("model_version");
            row.predictedAt = now();
            WRITES.merge(num, 1, Integer::sum);
        }
        exchange.getResponseHeaders().set("Location", BASE + "/" + num);
        send(exchange, 201, row.view());
    }

    private static void list(HttpExchange exchange, Map<String, String> q, FakeCaller caller) throws IOException {
        if (caller != null && !caller.isAnnotator()) {
            if (q.get("user") != null && !q.get("user").equals(caller.id())) {
                send(exchange, 403, problem(403, "forbidden", "'user' names another user"));
                return;
            }
            q.put("user", caller.id());
        }
        int page = Integer.parseInt(q.getOrDefault("page", "0"));
        int size = Integer.parseInt(q.getOrDefault("size", "50"));
        if (q.get("user") != null && q.get("user").length() > 150) {
            send(exchange, 400, problem(400, "validation", "user must be at most 150 characters"));
            return;
        }
        if (size < 1 || size > 500 || page < 0) {
            send(exchange, 400, problem(400, "validation", "size must be 1..500 and page >= 0"));
            return;
        }
        List<Row> items = ROWS.values().stream()
                .filter(r -> q.get("user") == null || q.get("user").equals(r.requestUser))
                .filter(r -> q.get("predicted_label") == null || q.get("predicted_label").equals(r.predictionResult))
                .filter(r -> q.get("true_label") == null || q.get("true_label").equals(r.trueLabel))
                .filter(r -> q.get("status") == null || q.get("status").equals(r.status))
                .filter(r -> q.get("labelled") == null || Boolean.parseBoolean(q.get("labelled")) == (r.trueLabel != null))
                .sorted(Comparator.comparingLong((Row r) -> r.num).reversed())
                .toList();
        List<Map<String, Object>> slice = items.subList(Math.min(items.size(), page * size),
                Math.min(items.size(), page * size + size)).stream().map(Row::view).toList();
        send(exchange, 200, Map.of("items", slice, "page", page, "size", size, "total", items.size()));
    }

    private static void label(HttpExchange exchange, long num, Map<String, Object> body, FakeCaller caller)
            throws IOException {
        if (caller != null && (!caller.isAnnotator()
                || (body.get("labelled_by") != null && !caller.id().equals(body.get("labelled_by"))))) {
            send(exchange, 403, problem(403, "forbidden", "labelling needs the annotator role, as oneself"));
            return;
        }
        Row row = ROWS.get(num);
        if (row == null) {
            send(exchange, 404, missing("/" + num));
            return;
        }
        if (!LABELS.contains(body.get("true_label"))) {
            send(exchange, 400, problem(400, "validation", "true_label must be one of " + LABELS));
            return;
        }
        row.trueLabel = (String) body.get("true_label");
        row.feedback = (String) body.get("feedback");
        row.labelledBy = (String) body.get("labelled_by");
        row.labelledAt = now();
        send(exchange, 200, row.view());
    }

    private static void claims(HttpExchange exchange, Map<String, Object> body) throws IOException {
        int limit = ((Number) body.get("limit")).intValue();
        int lease = ((Number) body.get("lease_seconds")).intValue();
        int max = ((Number) body.get("max_attempts")).intValue();
        String worker = (String) body.get("worker");
        if (worker == null || worker.isBlank() || limit < 1 || limit > 500 || lease < 1 || lease > 3600 || max < 1 || max > 100) {
            send(exchange, 400, problem(400, "validation", "worker, limit 1..500, lease_seconds 1..3600, max_attempts 1..100"));
            return;
        }
        List<Row> claimed = claim(worker, limit, lease, max);
        List<Map<String, Object>> items = claimed.stream()
                .map(r -> Map.<String, Object>of("num", r.num, "comments", r.comments, "attempts", r.attempts)).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("lease_until", now().plusSeconds(lease).toString());
        answer.put("claimed", items);
        send(exchange, 200, answer);
    }

    private static List<Row> claim(String worker, int limit, int leaseSeconds, int maxAttempts) {
        Instant now = now();
        List<Row> claimed = ROWS.values().stream()
                .filter(r -> r.status.equals("pending") && r.predictionResult == null && r.attempts < maxAttempts)
                .filter(r -> r.leaseUntil == null || r.leaseUntil.isBefore(now))
                .limit(limit)
                .toList();
        for (Row r : claimed) {
            r.leaseOwner = worker;
            r.leaseUntil = now.plusSeconds(leaseSeconds);
            r.maxAttempts = maxAttempts;
        }
        return claimed;
    }

    @SuppressWarnings("unchecked")
    private static void results(HttpExchange exchange, Map<String, Object> body) throws IOException {
        String worker = (String) body.get("worker");
        List<Long> rejected = new ArrayList<>();
        int written = 0;
        for (Map<String, Object> p : (List<Map<String, Object>>) body.getOrDefault("predictions", List.of())) {
            if (!LABELS.contains(p.get("label"))) {
                send(exchange, 400, problem(400, "validation", "label must be one of " + LABELS));
                return;
            }
        }
        for (Map<String, Object> p : (List<Map<String, Object>>) body.getOrDefault("predictions", List.of())) {
            long num = ((Number) p.get("num")).longValue();
            Row row = ROWS.get(num);
            if (row == null || row.predictionResult != null || !worker.equals(row.leaseOwner)) {
                rejected.add(num);
                continue;
            }
            row.predictionResult = (String) p.get("label");
            row.predictionScore = ((Number) p.get("score")).doubleValue();
            row.modelVersion = (String) p.get("model_version");
            row.predictedAt = now();
            row.status = "predicted";
            row.leaseOwner = null;
            row.leaseUntil = null;
            WRITES.merge(num, 1, Integer::sum);
            written++;
        }
        for (Map<String, Object> f : (List<Map<String, Object>>) body.getOrDefault("failures", List.of())) {
            long num = ((Number) f.get("num")).longValue();
            Row row = ROWS.get(num);
            if (row == null || !worker.equals(row.leaseOwner)) {
                continue;
            }
            String error = (String) f.get("error");
            row.lastError = error.length() > 500 ? error.substring(0, 500) : error;
            row.attempts++;
            row.leaseOwner = null;
            row.leaseUntil = null;
            if (row.attempts >= row.maxAttempts) {
                row.status = "failed";
            }
            written++;
        }
        send(exchange, 200, Map.of("written", written, "rejected", rejected));
    }

    private static Map<String, Object> stats() {
        Map<String, Object> s = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>(ROWS.values());
        Map<String, Long> perPredicted = new LinkedHashMap<>();
        Map<String, Long> perTrue = new LinkedHashMap<>();
        for (String l : LABELS) {
            perPredicted.put(l, rows.stream().filter(r -> l.equals(r.predictionResult)).count());
            perTrue.put(l, rows.stream().filter(r -> l.equals(r.trueLabel)).count());
        }
        List<Row> both = rows.stream().filter(r -> r.trueLabel != null && r.predictionResult != null).toList();
        long[][] matrix = new long[7][7];
        for (Row r : both) {
            matrix[LABELS.indexOf(r.trueLabel)][LABELS.indexOf(r.predictionResult)]++;
        }
        Map<String, Object> perLabel = new LinkedHashMap<>();
        double f1Sum = 0;
        for (int i = 0; i < 7; i++) {
            long tp = matrix[i][i];
            long predicted = 0;
            long support = 0;
            for (int j = 0; j < 7; j++) {
                predicted += matrix[j][i];
                support += matrix[i][j];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            perLabel.put(LABELS.get(i), Map.of("precision", precision, "recall", recall, "f1", f1, "support", support));
        }
        List<List<Long>> matrixList = new ArrayList<>();
        for (long[] row : matrix) {
            matrixList.add(java.util.Arrays.stream(row).boxed().toList());
        }
        Map<String, Long> perDay = new TreeMap<>();
        rows.forEach(r -> perDay.merge(r.requestTime.atZone(ZoneOffset.UTC).toLocalDate().toString(), 1L, Long::sum));
        s.put("total", rows.size());
        s.put("predicted", rows.stream().filter(r -> r.predictionResult != null).count());
        s.put("labelled", rows.stream().filter(r -> r.trueLabel != null).count());
        s.put("pending", rows.stream().filter(r -> r.status.equals("pending")).count());
        s.put("failed", rows.stream().filter(r -> r.status.equals("failed")).count());
        s.put("per_predicted_label", perPredicted);
        s.put("per_true_label", perTrue);
        s.put("mean_score", rows.stream().filter(r -> r.predictionScore != null)
                .mapToDouble(r -> r.predictionScore).average().stream().boxed().findFirst().orElse(null));
        s.put("accuracy", both.isEmpty() ? null
                : (double) both.stream().filter(r -> r.trueLabel.equals(r.predictionResult)).count() / both.size());
        s.put("evaluated", both.size());
        s.put("per_label", perLabel);
        s.put("macro_f1", both.isEmpty() ? null : f1Sum / 7);
        s.put("confusion", Map.of("labels", LABELS, "matrix", matrixList));
        s.put("volume_per_day", perDay.entrySet().stream()
                .map(e -> Map.<String, Object>of("day", e.getKey(), "count", e.getValue())).toList());
        return s;
    }

    private static Map<String, Object> missing(String rest) {
        return problem(404, "not-found", "comment " + rest.substring(1) + " does not exist");
    }

    private static Map<String, Object> problem(int status, String slug, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "urn:ai-data-suite:problem:" + slug);
        p.put("status", status);
        p.put("detail", detail);
        return p;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        FakeHttpServer.sendJson(exchange, status, body, CONTRACT);
    }
}
