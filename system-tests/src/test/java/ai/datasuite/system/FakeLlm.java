package ai.datasuite.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * OpenAI's chat completions as WireMock in the test JVM, on a free local port. Each answer is chosen from the request
 * body: a stub per task matches a phrase of its question (so some answers are right and some wrong), a stub of higher
 * priority can also require a phrase of the prompt (an edited step), and anything else gets a fallback. The same
 * server also stands in for the services the evaluation flow never calls (their readiness only, see
 * {@link #standInBaseUrl()}).
 */
final class FakeLlm implements AutoCloseable {

    static final String COMPLETIONS = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    FakeLlm() {
        server.start();
        server.stubFor(post(urlPathEqualTo(COMPLETIONS)).atPriority(100)
                .willReturn(completion("I cannot tell.\nFINAL ANSWER: unknown")));
        server.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(okJson("{\"status\":\"UP\",\"checks\":[]}")));
    }

    /** The base URL the gateway is given as {@code gateway.llm.base-url} (with {@code /v1}). */
    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    /** A service that only answers its readiness: the gateway is ready only when every upstream is. */
    String standInBaseUrl() {
        return server.baseUrl();
    }

    /** Every prompt that contains {@code questionPhrase} is answered {@code answer}. */
    void answer(String questionPhrase, String answer) {
        server.stubFor(completions(questionPhrase).atPriority(10).willReturn(completion(answer)));
    }

    /** A prompt with {@code questionPhrase} that also contains {@code promptPhrase} is answered {@code answer}. */
    void answerWhen(String questionPhrase, String promptPhrase, String answer) {
        server.stubFor(completions(questionPhrase).withRequestBody(containing(promptPhrase)).atPriority(1)
                .willReturn(completion(answer)));
    }

    /** The first prompt with {@code questionPhrase} fails with a 500; later ones get their usual answer. */
    void failOnce(String questionPhrase) {
        server.stubFor(completions(questionPhrase).atPriority(2).inScenario("fail-once " + questionPhrase)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"fake overload\",\"type\":\"server_error\"}}")));
    }

    /** The bodies of the chat completion requests whose raw JSON contains {@code phrase}, oldest first. */
    List<JsonNode> requestsWith(String phrase) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS))
                .withRequestBody(containing(phrase)))) {
            found.add(JSON.readTree(request.getBodyAsString()));
        }
        return found;
    }

    /** Every text of a request's messages (plain contents and the text parts of multi-part ones), joined. */
    static String text(JsonNode request) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : request.path("messages")) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                text.append(content.asText()).append('\n');
            }
            for (JsonNode part : content) {
                text.append(part.path("text").asText("")).append('\n');
            }
        }
        return text.toString();
    }

    /** The image URLs (e.g. {@code data:image/png;base64,...}) of a request's multi-part messages. */
    static List<String> imageUrls(JsonNode request) {
        List<String> urls = new ArrayList<>();
        for (JsonNode message : request.path("messages")) {
            for (JsonNode part : message.path("content")) {
                if ("image_url".equals(part.path("type").asText())) {
                    urls.add(part.path("image_url").path("url").asText());
                }
            }
        }
        return urls;
    }

    private static MappingBuilder completions(String questionPhrase) {
        return post(urlPathEqualTo(COMPLETIONS)).withRequestBody(containing(questionPhrase));
    }

    /** A chat completion as OpenAI answers it (non-streaming), with token usage. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder completion(String text) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-e2e").put("object", "chat.completion")
                .put("created", 1_764_000_000).put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        body.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 12).put("total_tokens", 132);
        return okJson(body.toString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
