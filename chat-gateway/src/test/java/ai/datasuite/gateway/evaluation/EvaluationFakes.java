package ai.datasuite.gateway.evaluation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeEvaluationFiles;
import ai.datasuite.gateway.support.FakeEvaluations;
import ai.datasuite.gateway.support.FakeOpenAi;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.Gateway;

/** The evaluation fakes plugged into a set of fake services once, keys of each role, and the fake LLM's answers. */
record EvaluationFakes(FakeEvaluations metadata, FakeEvaluationFiles files, String annotator, String user) {

    static final Set<String> ENDED = Set.of("completed", "cancelled", "failed");
    private static final Map<FakeServices, EvaluationFakes> PLUGGED =
            Collections.synchronizedMap(new WeakHashMap<>());

    static EvaluationFakes plug(FakeServices fakes) {
        return PLUGGED.computeIfAbsent(fakes, f -> {
            EvaluationFakes plugged = new EvaluationFakes(new FakeEvaluations(), new FakeEvaluationFiles(),
                    ApiKeys.generate(), ApiKeys.generate());
            f.get(Upstream.METADATA).serve(FakeEvaluations.PREFIX, plugged.metadata())
                    .serve(FakeEvaluations.TASKS, plugged.metadata());
            f.get(Upstream.INGEST).serve(FakeEvaluationFiles.PREFIX, plugged.files());
            f.keys.seed(plugged.annotator(), "ann", "annotator");
            f.keys.seed(plugged.user(), "uma", "user");
            return plugged;
        });
    }

    /** Polls the run through the gateway until it ended (10 s at most). */
    JsonPath awaitEnd(String runId) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonPath run = null;
        while (System.nanoTime() < deadline) {
            run = Gateway.withKey(annotator).get("/api/v1/evaluations/" + runId).then().statusCode(200).extract()
                    .jsonPath();
            if (ENDED.contains(run.getString("status"))) {
                return run;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("The evaluation " + runId + " did not end; last seen " + (run == null ? null : run.prettify()));
    }

    /** Starts a run as the annotator; returns its id. */
    String start(String body) {
        return Gateway.withKey(annotator).contentType("application/json").body(body).post("/api/v1/evaluations")
                .then().statusCode(202).extract().path("id");
    }

    /** Cancels the run as the annotator. */
    void annotatorCancel(String runId) {
        Gateway.withKey(annotator).post("/api/v1/evaluations/" + runId + "/cancel").then().statusCode(200);
    }

    /** Completions whose request holds {@code phrase} answer {@code text} (OpenAI's format, with usage). */
    static void answer(FakeOpenAi llm, String phrase, String text) {
        llm.server().stubFor(post(urlPathEqualTo(FakeOpenAi.COMPLETIONS)).atPriority(1).withRequestBody(containing(phrase))
                .willReturn(completion(text)));
    }

    static ResponseDefinitionBuilder completion(String text) {
        JsonObject body = new JsonObject().put("id", "chatcmpl-eval").put("object", "chat.completion")
                .put("created", 1_764_000_000).put("model", "gpt-4o-mini")
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                        .put("message", new JsonObject().put("role", "assistant").put("content", text))
                        .put("finish_reason", "stop")))
                .put("usage", new JsonObject().put("prompt_tokens", 321).put("completion_tokens", 17)
                        .put("total_tokens", 338));
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.encode());
    }

    /** The chat completion requests whose body holds {@code phrase}, oldest first. */
    static List<JsonObject> requestsWith(FakeOpenAi llm, String phrase) {
        List<JsonObject> found = new ArrayList<>();
        for (LoggedRequest request : llm.server().findAll(postRequestedFor(urlPathEqualTo(FakeOpenAi.COMPLETIONS)))) {
            if (request.getBodyAsString().contains(phrase)) {
                found.add(new JsonObject(request.getBodyAsString()));
            }
        }
        return found;
    }

    /** The user message's text parts of a request, joined. */
    static String userText(JsonObject request) {
        Object content = request.getJsonArray("messages").getJsonObject(1).getValue("content");
        if (content instanceof String text) {
            return text;
        }
        StringBuilder text = new StringBuilder();
        for (Object part : (JsonArray) content) {
            JsonObject p = (JsonObject) part;
            if ("text".equals(p.getString("type"))) {
                text.append(p.getString("text"));
            }
        }
        return text.toString();
    }

    /** The image URLs (data URLs) of a request's user message. */
    static List<String> imageUrls(JsonObject request) {
        List<String> urls = new ArrayList<>();
        Object content = request.getJsonArray("messages").getJsonObject(1).getValue("content");
        if (content instanceof JsonArray parts) {
            for (Object part : parts) {
                JsonObject p = (JsonObject) part;
                if ("image_url".equals(p.getString("type"))) {
                    urls.add(p.getJsonObject("image_url").getString("url"));
                }
            }
        }
        return urls;
    }
}
