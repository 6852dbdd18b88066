package ai.datasuite.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * OpenAI's chat completions as WireMock on a free local port: a plain JSON answer, or (for {@code "stream": true})
 * server-sent chunks exactly as OpenAI streams them (a role chunk, one {@code choices[0].delta.content} per token, a
 * chunk with {@code finish_reason}, a usage chunk with empty {@code choices}, {@code data: [DONE]}); failure modes
 * (an HTTP status, a delay past the client's timeout, a broken connection). As a test resource it points
 * {@code gateway.llm.*} at itself (init argument {@code configured=false}: LLM left unconfigured) and is injected
 * into {@code @InjectFakes FakeOpenAi} fields. {@link #server()} takes further stubs (files, fine-tuning).
 */
public class FakeOpenAi implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "sk-test-chat";
    public static final String COMPLETIONS = "/v1/chat/completions";
    /** The gateway's LLM timeout in these tests: a delay beyond it is a timeout. */
    public static final String TIMEOUT = "2s";

    private WireMockServer server;
    private boolean configured = true;

    @Override
    public void init(Map<String, String> args) {
        configured = Boolean.parseBoolean(args.getOrDefault("configured", "true"));
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        answer("The answer from the fake LLM.");
        Map<String, String> config = new HashMap<>();
        config.put("gateway.llm.base-url", configured ? baseUrl() : "");
        config.put("gateway.llm.api-key", configured ? API_KEY : "");
        config.put("gateway.llm.timeout", TIMEOUT);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(InjectFakes.class, FakeOpenAi.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public WireMockServer server() {
        return server;
    }

    /** The API's base URL as the gateway is configured with it (with {@code /v1}). */
    public String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    /** Every chat completion answers {@code text}: plain, and streamed as word tokens. Forgets the journal. */
    public void answer(String text) {
        answer(text, 0);
    }

    /** As {@link #answer(String)}; the stream's chunks are spread over {@code streamMillis}. */
    public void answer(String text, int streamMillis) {
        reset();
        server.stubFor(post(urlPathEqualTo(COMPLETIONS)).atPriority(2).willReturn(json(completion(text))));
        ResponseDefinitionBuilder streamed = aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(stream(tokens(text)));
        if (streamMillis > 0) {
            streamed = streamed.withChunkedDribbleDelay(tokens(text).size() + 3, streamMillis);
        }
        server.stubFor(post(urlPathEqualTo(COMPLETIONS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))).willReturn(streamed));
    }

    /** Streams {@code text}'s tokens, then a chunk that is not JSON, and ends without {@code [DONE]}. */
    public void breakMidStream(String text) {
        reset();
        String body = tokenChunks(tokens(text)) + "data: {\"choices\": [{\"delta\": \n\n";
        server.stubFor(post(urlPathEqualTo(COMPLETIONS)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(body)));
    }

    /** Every chat completion answers {@code status} with OpenAI's error body. */
    public void fail(int status) {
        reset();
        server.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(new JsonObject().put("error", new JsonObject().put("message", "fake failure " + status)
                        .put("type", "server_error").put("code", null)).encode())));
    }

    /** Every chat completion answers only after {@code millis} (beyond {@link #TIMEOUT}: a timeout). */
    public void hang(int millis) {
        reset();
        server.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(json(completion("too late"))
                .withFixedDelay(millis)));
    }

    /** Every chat completion gets its connection reset. */
    public void breakConnection() {
        reset();
        server.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    public void reset() {
        server.resetAll();
    }

    /** The bodies of the chat completion requests received, oldest first. */
    public List<JsonObject> requests() {
        List<JsonObject> bodies = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS)))) {
            bodies.add(new JsonObject(request.getBodyAsString()));
        }
        return bodies;
    }

    /** The messages of the last chat completion request as {@code role: content} lines. */
    public String lastPrompt() {
        List<JsonObject> requests = requests();
        if (requests.isEmpty()) {
            throw new AssertionError("The fake LLM received no chat completion request");
        }
        StringBuilder prompt = new StringBuilder();
        JsonArray messages = requests.get(requests.size() - 1).getJsonArray("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonObject message = messages.getJsonObject(i);
            prompt.append(message.getString("role")).append(": ").append(message.getValue("content")).append('\n');
        }
        return prompt.toString();
    }

    /** The answer cut as a model streams it: words with their leading space. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String piece : text.split("(?=\\s)")) {
            if (!piece.isEmpty()) {
                tokens.add(piece);
            }
        }
        return tokens;
    }

    private static ResponseDefinitionBuilder json(JsonObject body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.encode());
    }

    private static JsonObject completion(String text) {
        return new JsonObject().put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_764_000_000)
                .put("model", "gpt-4o-mini-2024-07-18")
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                        .put("message", new JsonObject().put("role", "assistant").put("content", text))
                        .put("logprobs", null).put("finish_reason", "stop")))
                .put("usage", usage(text));
    }

    private static String stream(List<String> tokens) {
        StringBuilder body = new StringBuilder(tokenChunks(tokens));
        body.append(data(chunk(new JsonObject(), "stop")));
        body.append(data(base().put("choices", new JsonArray()).put("usage", usage(String.join("", tokens)))));
        body.append("data: [DONE]\n\n");
        return body.toString();
    }

    /** The role chunk and one chunk per token. */
    private static String tokenChunks(List<String> tokens) {
        StringBuilder body = new StringBuilder();
        body.append(data(chunk(new JsonObject().put("role", "assistant").put("content", ""), null)));
        for (String token : tokens) {
            body.append(data(chunk(new JsonObject().put("content", token), null)));
        }
        return body.toString();
    }

    private static JsonObject chunk(JsonObject delta, String finishReason) {
        return base().put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("delta", delta)
                .put("logprobs", null).put("finish_reason", finishReason))).put("usage", null);
    }

    private static JsonObject base() {
        return new JsonObject().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", 1_764_000_000).put("model", "gpt-4o-mini-2024-07-18")
                .put("system_fingerprint", "fp_fake");
    }

    private static JsonObject usage(String text) {
        int completion = tokens(text).size();
        return new JsonObject().put("prompt_tokens", 100).put("completion_tokens", completion)
                .put("total_tokens", 100 + completion);
    }

    private static String data(JsonObject json) {
        return "data: " + json.encode() + "\n\n";
    }
}
