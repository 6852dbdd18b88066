package ai.datasuite.gateway.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * metadata-service's evaluation runs ({@code /api/v1/evaluations}, contract B of issue 13) and task reads
 * ({@code GET /api/v1/tasks/{id}}, with {@code steps_version} and the linked files the reader may see) in memory.
 * A run selects the tasks of its filter, one pending row each; PATCH and result PUTs are the service identity's only
 * (403 otherwise), with the contract's status transitions (409); cancel; results paged by task id with the
 * status/correct/level filters; compare and the charts answer small canned bodies (a PNG for {@code format=png} or
 * {@code Accept: image/png}). Every status PATCH is kept for the tests.
 */
public final class FakeEvaluations implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/evaluations";
    public static final String TASKS = "/api/v1/tasks/";
    /** The bytes of the fake charts' PNG. */
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    /** A status PATCH as it arrived, with who sent it. */
    public record Patch(String runId, String status, VerifiedIdentity identity) {
    }

    public final Map<String, JsonObject> tasks = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> runs = new ConcurrentHashMap<>();
    private final Map<String, Map<String, JsonObject>> results = new ConcurrentHashMap<>();
    public final List<Patch> patches = new CopyOnWriteArrayList<>();
    /** Who read which task: "task-id user role". */
    public final List<String> taskReads = new CopyOnWriteArrayList<>();

    /** A task as imported (steps version 1); {@code files} are views as {@link FakeEvaluationFiles} stores them. */
    public JsonObject addTask(String taskId, int level, String question, String finalAnswer, String fileName,
                              String steps, JsonObject... files) {
        JsonObject task = new JsonObject().put("task_id", taskId).put("question", question).put("level", level)
                .put("final_answer", finalAnswer).put("file_name", fileName).put("steps", steps)
                .put("number_of_steps", steps == null ? null : steps.split("\n").length).put("steps_version", 1)
                .put("files", new JsonArray(List.of((Object[]) files)));
        tasks.put(taskId, task);
        return task;
    }

    /** An annotator's step edit: new steps text and the next version. */
    public void editSteps(String taskId, String steps) {
        JsonObject task = tasks.get(taskId);
        task.put("steps", steps).put("steps_version", task.getInteger("steps_version") + 1);
    }

    /** A run as a stopped gateway left it (for the resume test): its rows pending. */
    public String seedRun(String owner, String status, List<String> taskIds) {
        return seedRun(owner, "annotator", null, status, taskIds);
    }

    /** The same, made by an owner with {@code role} and the run's {@code vision} choice (null: the default). */
    public String seedRun(String owner, String role, Boolean vision, String status, List<String> taskIds) {
        JsonObject run = newRun(owner, role, new JsonObject().put("model", "gpt-4o-mini").put("concurrency", 1)
                .put("use_steps", false).put("vision", vision), taskIds.stream().map(tasks::get).toList());
        run.put("status", status);
        return run.getString("id");
    }

    public JsonObject result(String runId, String taskId) {
        return results.get(runId).get(taskId).copy();
    }

    public JsonObject run(String runId) {
        return view(runs.get(runId));
    }

    /** The statuses a run was PATCHed to, in order. */
    public List<String> statuses(String runId) {
        return patches.stream().filter(p -> p.runId().equals(runId)).map(Patch::status).toList();
    }

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String method = request.method().name();
        if (request.path().startsWith(TASKS)) {
            task(request, caller, request.path().substring(TASKS.length()));
            return;
        }
        String rest = request.path().substring(PREFIX.length());
        boolean team = "annotator".equals(caller.role()) || privileged(caller);
        if (!team) {
            problem(request, 403, "forbidden", "Evaluation runs need the annotator or admin role");
            return;
        }
        if (rest.isEmpty() && method.equals("POST")) {
            create(request, caller, body.toJsonObject());
        } else if (rest.isEmpty() && method.equals("GET")) {
            list(request);
        } else if (rest.equals("/compare") && method.equals("GET")) {
            compare(request);
        } else if (rest.equals("/compare/chart") || rest.equals("/charts/accuracy")) {
            chart(request, rest);
        } else {
            String[] parts = rest.substring(1).split("/");
            JsonObject run = runs.get(parts[0]);
            if (run == null) {
                problem(request, 404, "not-found", "No evaluation " + parts[0]);
            } else if (parts.length == 1 && method.equals("GET")) {
                json(request, 200, view(run));
            } else if (parts.length == 1 && method.equals("PATCH")) {
                patch(request, caller, run, body.toJsonObject());
            } else if (parts.length == 2 && parts[1].equals("cancel") && method.equals("POST")) {
                cancel(request, run);
            } else if (parts.length == 2 && parts[1].equals("results") && method.equals("GET")) {
                results(request, run);
            } else if (parts.length == 3 && parts[1].equals("results") && method.equals("PUT")) {
                write(request, caller, run, parts[2], body.toJsonObject());
            } else if (parts.length == 3 && parts[1].equals("charts") && parts[2].equals("latency")) {
                chart(request, rest);
            } else {
                problem(request, 404, "not-found", "No endpoint " + method + " " + request.path());
            }
        }
    }

    private void task(HttpServerRequest request, VerifiedIdentity caller, String taskId) {
        JsonObject task = tasks.get(taskId);
        taskReads.add(taskId + " " + caller.user() + " " + caller.role());
        if (task == null) {
            problem(request, 404, "not-found", "No task " + taskId);
            return;
        }
        JsonArray visible = new JsonArray();
        task.getJsonArray("files").forEach(f -> {
            JsonObject file = (JsonObject) f;
            if (privileged(caller) || caller.user().equals(file.getString("owner_id"))) {
                visible.add(file);
            }
        });
        json(request, 200, task.copy().put("files", visible));
    }

    private synchronized void create(HttpServerRequest request, VerifiedIdentity caller, JsonObject body) {
        JsonObject filter = body.getJsonObject("filter", new JsonObject());
        JsonArray ids = filter.getJsonArray("task_ids");
        JsonArray levels = filter.getJsonArray("levels");
        Boolean hasFile = filter.getBoolean("has_file");
        List<JsonObject> selected = tasks.values().stream()
                .filter(t -> ids == null || ids.contains(t.getString("task_id")))
                .filter(t -> levels == null || levels.contains(t.getInteger("level")))
                .filter(t -> hasFile == null || hasFile == (t.getString("file_name") != null))
                .toList();
        if (selected.isEmpty()) {
            problem(request, 400, "validation", "No task matches the filter");
            return;
        }
        json(request, 201, view(newRun(caller.user(), caller.role(), body, selected)));
    }

    private JsonObject newRun(String owner, String role, JsonObject body, List<JsonObject> selected) {
        String id = UUID.randomUUID().toString();
        JsonObject run = new JsonObject().put("id", id).put("owner", owner).put("owner_role", role)
                .put("vision", body.getBoolean("vision")).put("model", body.getString("model"))
                .put("prompt_template", body.getString("prompt_template"))
                .put("use_steps", body.getBoolean("use_steps", false))
                .put("concurrency", body.getInteger("concurrency", 1))
                .put("filter", body.getJsonObject("filter")).put("status", "queued").put("error", null)
                .put("created_at", Instant.now().toString()).put("started_at", null).put("finished_at", null);
        Map<String, JsonObject> rows = new TreeMap<>();
        for (JsonObject task : selected) {
            String fileName = task.getString("file_name");
            String type = fileName == null || !fileName.contains(".") ? "none"
                    : fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            rows.put(task.getString("task_id"), new JsonObject().put("task_id", task.getString("task_id"))
                    .put("level", task.getInteger("level")).put("file_type", type).put("status", "pending")
                    .put("truncated", false).put("steps_used", false));
        }
        runs.put(id, run);
        results.put(id, new ConcurrentHashMap<>(rows));
        return run;
    }

    private void list(HttpServerRequest request) {
        int page = intParam(request, "page", 0);
        int size = intParam(request, "size", 20);
        List<JsonObject> all = runs.values().stream()
                .sorted(Comparator.comparing((JsonObject r) -> r.getString("created_at")).reversed()).toList();
        JsonArray items = new JsonArray();
        all.stream().skip((long) page * size).limit(size).forEach(r -> items.add(view(r)));
        json(request, 200, new JsonObject().put("items", items).put("page", page).put("size", size)
                .put("total", all.size()));
    }

    private synchronized void patch(HttpServerRequest request, VerifiedIdentity caller, JsonObject run,
                                    JsonObject body) {
        if (!"service".equals(caller.role())) {
            problem(request, 403, "forbidden", "Changing a run's status is internal to the suite");
            return;
        }
        String from = run.getString("status");
        String to = body.getString("status");
        patches.add(new Patch(run.getString("id"), to, caller));
        boolean allowed = from.equals("queued") && (to.equals("running") || to.equals("failed"))
                || from.equals("running") && (to.equals("completed") || to.equals("failed"));
        if (!allowed) {
            problem(request, 409, "conflict", "The run is " + from + "; it cannot become " + to);
            return;
        }
        run.put("status", to).put("error", body.getString("error"));
        run.put(to.equals("running") ? "started_at" : "finished_at", Instant.now().toString());
        json(request, 200, view(run));
    }

    private synchronized void cancel(HttpServerRequest request, JsonObject run) {
        String status = run.getString("status");
        if (status.equals("completed") || status.equals("failed")) {
            problem(request, 409, "conflict", "The run is " + status + " already");
            return;
        }
        if (!status.equals("cancelled")) {
            run.put("status", "cancelled").put("finished_at", Instant.now().toString());
        }
        json(request, 200, view(run));
    }

    private void results(HttpServerRequest request, JsonObject run) {
        String status = request.getParam("status");
        String correct = request.getParam("correct");
        String level = request.getParam("level");
        int page = intParam(request, "page", 0);
        int size = intParam(request, "size", 50);
        List<JsonObject> rows = new TreeMap<>(results.get(run.getString("id"))).values().stream()
                .filter(r -> status == null || status.equals(r.getString("status")))
                .filter(r -> correct == null || Boolean.valueOf(Boolean.parseBoolean(correct))
                        .equals(r.getBoolean("correct")))
                .filter(r -> level == null || Integer.parseInt(level) == r.getInteger("level"))
                .toList();
        JsonArray items = new JsonArray();
        rows.stream().skip((long) page * size).limit(size).forEach(r -> {
            JsonObject task = tasks.get(r.getString("task_id"));
            items.add(r.copy().put("question", task == null ? null : task.getString("question"))
                    .put("ground_truth", task == null ? null : task.getString("final_answer")));
        });
        json(request, 200, new JsonObject().put("items", items).put("page", page).put("size", size)
                .put("total", rows.size()));
    }

    private void write(HttpServerRequest request, VerifiedIdentity caller, JsonObject run, String taskId,
                       JsonObject body) {
        if (!"service".equals(caller.role())) {
            problem(request, 403, "forbidden", "Writing results is internal to the suite");
            return;
        }
        Map<String, JsonObject> rows = results.get(run.getString("id"));
        JsonObject row = rows.get(taskId);
        if (row == null) {
            problem(request, 404, "not-found", "Task " + taskId + " is not in this run");
            return;
        }
        JsonObject updated = row.copy().mergeIn(body).put("updated_at", Instant.now().toString());
        rows.put(taskId, updated);
        json(request, 200, updated);
    }

    private void compare(HttpServerRequest request) {
        String a = request.getParam("a");
        String b = request.getParam("b");
        if (a == null || b == null) {
            problem(request, 400, "validation", "a and b are required");
            return;
        }
        Function<String, JsonObject> summary = id -> {
            JsonObject view = view(runs.get(id));
            return new JsonObject().put("id", id).put("model", view.getString("model"))
                    .put("created_at", view.getString("created_at")).put("done", view.getInteger("done"))
                    .put("correct", view.getInteger("correct")).put("accuracy", view.getDouble("accuracy"));
        };
        if (!runs.containsKey(a) || !runs.containsKey(b)) {
            problem(request, 404, "not-found", "No evaluation " + (runs.containsKey(a) ? b : a));
            return;
        }
        json(request, 200, new JsonObject().put("a", summary.apply(a)).put("b", summary.apply(b))
                .put("common_tasks", 0).put("right_to_wrong", new JsonArray()).put("wrong_to_right", new JsonArray())
                .put("by_level", new JsonArray()).put("flipped_with_steps_edited", 0));
    }

    private void chart(HttpServerRequest request, String rest) {
        String accept = request.getHeader("Accept");
        if ("png".equals(request.getParam("format")) || accept != null && accept.startsWith("image/png")) {
            request.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(PNG));
            return;
        }
        json(request, 200, new JsonObject().put("chart", rest).put("query", request.query()));
    }

    /** The run with its counts, as metadata computes them. */
    private JsonObject view(JsonObject run) {
        List<JsonObject> rows = new ArrayList<>(results.get(run.getString("id")).values());
        JsonObject view = run.copy();
        counts(view, rows);
        view.put("by_level", breakdown(rows, r -> String.valueOf(r.getInteger("level"))));
        view.put("by_file_type", breakdown(rows, r -> r.getString("file_type")));
        return view;
    }

    private static JsonArray breakdown(List<JsonObject> rows, Function<JsonObject, String> key) {
        Map<String, List<JsonObject>> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        JsonArray out = new JsonArray();
        groups.forEach((k, group) -> out.add(counts(new JsonObject().put("key", k), group)));
        return out;
    }

    private static JsonObject counts(JsonObject into, List<JsonObject> rows) {
        long done = rows.stream().filter(r -> !"pending".equals(r.getString("status"))).count();
        long errors = rows.stream().filter(r -> "error".equals(r.getString("status"))).count();
        long correct = rows.stream().filter(r -> "done".equals(r.getString("status"))
                && Boolean.TRUE.equals(r.getBoolean("correct"))).count();
        return into.put("total", rows.size()).put("done", done).put("errors", errors).put("correct", correct)
                .put("progress", rows.isEmpty() ? 0.0 : (double) done / rows.size())
                .put("accuracy", done == 0 ? null : (double) correct / done);
    }

    private static int intParam(HttpServerRequest request, String name, int fallback) {
        String value = request.getParam(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static boolean privileged(VerifiedIdentity caller) {
        return "admin".equals(caller.role()) || "service".equals(caller.role());
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void problem(HttpServerRequest request, int status, String slug, String detail) {
        FakeIngestFiles.problem(request, status, slug, detail);
    }
}
