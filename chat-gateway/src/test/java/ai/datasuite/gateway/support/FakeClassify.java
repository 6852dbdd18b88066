package ai.datasuite.gateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * inference-service's {@code POST /api/v1/classify/zero-shot|few-shot}: every text gets the first label (zero-shot)
 * or the first example's label (few-shot) with score 0.5. A text holding "SLOW" is answered after 1.5 s (a job
 * that is still running). Every request is recorded.
 */
public final class FakeClassify implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/classify";

    public record Call(String mode, String user, JsonObject body) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String mode = request.path().substring(PREFIX.length() + 1);
        JsonObject in = body.toJsonObject();
        calls.add(new Call(mode, caller.user(), in));
        String label = mode.equals("few-shot") ? in.getJsonArray("examples").getJsonObject(0).getString("label")
                : in.getJsonArray("labels").getString(0);
        JsonArray results = new JsonArray();
        for (int i = 0; i < in.getJsonArray("texts").size(); i++) {
            results.add(new JsonObject().put("label", label).put("score", 0.5)
                    .put("ranked", new JsonArray().add(new JsonObject().put("label", label).put("score", 0.5))));
        }
        JsonObject answer = new JsonObject().put("mode", mode).put("model", "e5-small-v2")
                .put("model_version", "e5-small-v2-q/" + mode + "@0badc0de").put("results", results);
        if (in.getJsonArray("texts").encode().contains("SLOW")) {
            Vertx.currentContext().owner().setTimer(1500, t -> FakeIngestFiles.json(request, 200, answer));
        } else {
            FakeIngestFiles.json(request, 200, answer);
        }
    }
}
