package ai.datasuite.gateway.product.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An OpenAI-compatible server (WireMock on a free local port) that reads the numbered items of a categorization
 * prompt and answers each with {@code answer(text, callNumber)} as {@code {"items": [{"item", "category"}]}}; a null
 * category leaves the item out of the answer. {@link #requests()} holds the bodies it received.
 */
final class FakeCategorizingLlm implements AutoCloseable {

    static final String COMPLETIONS = "/v1/chat/completions";

    private final WireMockServer server;
    private volatile BiFunction<String, Integer, String> answer = (text, call) -> null;
    private volatile int status = 200;
    /** When set, a request carrying response_format json_schema is answered 400 (a server without schema support). */
    private volatile boolean refuseSchema;
    /** When set, the answer is wrapped in a code fence, as a model without JSON mode writes it. */
    private volatile boolean fenced;
    /** When set, the first call's answer loses its last 20 characters, as an answer stopped by its token limit. */
    private volatile boolean cutFirstAnswer;
    private int calls;

    FakeCategorizingLlm() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new Answering()));
        server.start();
        server.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(200)));
    }

    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    void answer(BiFunction<String, Integer, String> answer) {
        this.answer = answer;
    }

    void status(int status) {
        this.status = status;
    }

    void refuseSchema(boolean refuse) {
        this.refuseSchema = refuse;
    }

    void fenced(boolean fenced) {
        this.fenced = fenced;
    }

    void cutFirstAnswer(boolean cut) {
        this.cutFirstAnswer = cut;
    }

    void resetRequests() {
        server.resetRequests();
        synchronized (this) {
            calls = 0;
        }
    }

    /** The chat completion request bodies received, oldest first. */
    List<JsonObject> requests() {
        List<JsonObject> bodies = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS)))) {
            bodies.add(new JsonObject(request.getBodyAsString()));
        }
        return bodies;
    }

    /** The numbered items' texts of a request, in order. */
    static List<String> items(JsonObject request) {
        JsonArray messages = request.getJsonArray("messages");
        String user = messages.getJsonObject(messages.size() - 1).getString("content");
        List<String> items = new ArrayList<>();
        boolean inItems = false;
        for (String line : user.split("\n")) {
            if (line.equals("Items:")) {
                inItems = true;
            } else if (inItems && line.matches("\\d+\\. .*")) {
                int dot = line.indexOf(". ");
                if (Integer.parseInt(line.substring(0, dot)) != items.size() + 1) {
                    throw new AssertionError("Items are not numbered 1..n: " + user);
                }
                items.add(line.substring(dot + 2));
            }
        }
        return items;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Answering implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            JsonObject request = new JsonObject(event.getRequest().getBodyAsString());
            int call;
            synchronized (FakeCategorizingLlm.this) {
                call = ++calls;
            }
            boolean schema = request.getJsonObject("response_format") != null
                    && "json_schema".equals(request.getJsonObject("response_format").getString("type"));
            if (status != 200 || refuseSchema && schema) {
                int code = status != 200 ? status : 400;
                return json(code, new JsonObject().put("error", new JsonObject()
                        .put("message", "fake failure " + code).put("type", "invalid_request_error")));
            }
            JsonArray entries = new JsonArray();
            List<String> items = items(request);
            for (int i = 0; i < items.size(); i++) {
                String category = answer.apply(items.get(i), call);
                if (category != null) {
                    entries.add(new JsonObject().put("item", i + 1).put("category", category));
                }
            }
            String content = new JsonObject().put("items", entries).encode();
            if (cutFirstAnswer && call == 1) {
                content = content.substring(0, content.length() - 20);
            }
            if (fenced) {
                content = "Here you are:\n```json\n" + content + "\n```";
            }
            return json(200, new JsonObject().put("id", "chatcmpl-fake").put("object", "chat.completion")
                    .put("created", 1_764_000_000).put("model", "gpt-4o-mini-2024-07-18")
                    .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                            .put("message", new JsonObject().put("role", "assistant").put("content", content))
                            .put("finish_reason", "stop")))
                    .put("usage", new JsonObject().put("prompt_tokens", 100).put("completion_tokens", 10)
                            .put("total_tokens", 110)));
        }

        private ResponseDefinition json(int status, JsonObject body) {
            return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(body.encode()).build();
        }

        @Override
        public String getName() {
            return "categorizing-llm";
        }
    }
}
