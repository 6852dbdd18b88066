package ai.datasuite.gateway.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * metadata-service's {@code /api/v1/fine-tune-jobs} in memory, with its owner rules: a user creates, sees and
 * patches only their own jobs (another's is 404, naming another owner 403); admins and services everyone's.
 * {@code /model?owner=} answers the newest succeeded job's model or 404. Every PATCH is kept for the tests.
 */
public final class FakeFineTuneJobs implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/fine-tune-jobs";

    /** A PATCH as it arrived, with who sent it. */
    public record Patch(String jobId, JsonObject body, VerifiedIdentity identity) {
    }

    private final Map<String, JsonObject> jobs = new ConcurrentHashMap<>();
    public final List<Patch> patches = new CopyOnWriteArrayList<>();

    public JsonObject job(String id) {
        JsonObject job = jobs.get(id);
        return job == null ? null : job.copy();
    }

    /** A job as a previous gateway run left it (for the restart tests); returns its id. */
    public String seed(String owner, String status, Instant updatedAt, String providerJobId) {
        JsonObject job = new JsonObject().put("id", UUID.randomUUID().toString()).put("owner", owner)
                .put("status", status).put("progress", 0.3)
                .put("parameters", new JsonObject().put("epochs", 3).put("learning_rate", 0.1))
                .put("base_model", "gpt-4o-mini-2024-07-18").put("provider_job_id", providerJobId)
                .put("created_at", updatedAt.toString()).put("updated_at", updatedAt.toString());
        jobs.put(job.getString("id"), job);
        return job.getString("id");
    }

    public int count() {
        return jobs.size();
    }

    /** The statuses a job went through, in order. */
    public List<String> statuses(String id) {
        return patches.stream().filter(p -> p.jobId().equals(id) && p.body().containsKey("status"))
                .map(p -> p.body().getString("status")).toList();
    }

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String rest = request.path().substring(PREFIX.length());
        boolean admin = "admin".equals(caller.role()) || "service".equals(caller.role());
        String method = request.method().name();
        if (rest.isEmpty() && method.equals("POST")) {
            JsonObject in = body.toJsonObject();
            String owner = in.getString("owner", caller.user());
            if (!admin && !owner.equals(caller.user())) {
                send(request, 403, problem(403, "forbidden", "owner names another user"));
                return;
            }
            String now = now();
            JsonObject job = new JsonObject().put("id", UUID.randomUUID().toString()).put("owner", owner)
                    .put("status", "queued").put("progress", 0.0)
                    .put("parameters", new JsonObject().put("epochs", in.getValue("epochs"))
                            .put("learning_rate", in.getValue("learning_rate")))
                    .put("base_model", in.getString("base_model")).put("created_at", now).put("updated_at", now);
            jobs.put(job.getString("id"), job);
            send(request, 201, job);
        } else if (rest.isEmpty() && method.equals("GET")) {
            String owner = request.getParam("owner");
            if (!admin && owner != null && !owner.equals(caller.user())) {
                send(request, 403, problem(403, "forbidden", "owner names another user"));
                return;
            }
            String filter = admin ? owner : caller.user();
            String status = request.getParam("status");
            int page = Integer.parseInt(request.getParam("page", "0"));
            int size = Integer.parseInt(request.getParam("size", "20"));
            List<JsonObject> matching = jobs.values().stream()
                    .filter(j -> filter == null || j.getString("owner").equals(filter))
                    .filter(j -> status == null || j.getString("status").equals(status))
                    .sorted((a, b) -> b.getString("created_at").compareTo(a.getString("created_at"))).toList();
            JsonArray items = new JsonArray();
            matching.stream().skip((long) page * size).limit(size).forEach(items::add);
            send(request, 200, new JsonObject().put("items", items).put("page", page).put("size", size)
                    .put("total", matching.size()));
        } else if (rest.equals("/model") && method.equals("GET")) {
            String owner = request.getParam("owner", caller.user());
            jobs.values().stream().filter(j -> j.getString("owner").equals(owner))
                    .filter(j -> "succeeded".equals(j.getString("status")))
                    .max((a, b) -> a.getString("updated_at").compareTo(b.getString("updated_at")))
                    .ifPresentOrElse(j -> send(request, 200, new JsonObject().put("owner", owner)
                                    .put("model", j.getString("fine_tuned_model"))),
                            () -> send(request, 404, problem(404, "not-found", "no fine-tuned model")));
        } else {
            JsonObject job = jobs.get(rest.substring(1));
            if (job == null || !admin && !job.getString("owner").equals(caller.user())) {
                send(request, 404, problem(404, "not-found", "No fine-tune job " + rest.substring(1)));
            } else if (method.equals("PATCH")) {
                JsonObject in = body.toJsonObject();
                patches.add(new Patch(job.getString("id"), in, caller));
                synchronized (job) {
                    in.forEach(field -> job.put(field.getKey(), field.getValue()));
                    job.put("updated_at", now());
                }
                send(request, 200, job);
            } else {
                send(request, 200, job);
            }
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    }

    static JsonObject problem(int status, String slug, String detail) {
        return new JsonObject().put("type", "urn:ai-data-suite:problem:" + slug).put("title", slug)
                .put("status", status).put("detail", detail);
    }

    static void send(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status)
                .putHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .end(body.encode());
    }
}
