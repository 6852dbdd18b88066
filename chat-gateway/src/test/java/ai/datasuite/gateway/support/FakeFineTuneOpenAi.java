package ai.datasuite.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * OpenAI's files and fine-tuning API as WireMock on a free local port. Init argument {@code configured}: "true"
 * points {@code gateway.llm.base-url} and {@code api-key} at it; "false" leaves the LLM unconfigured (the fake still
 * runs, so a test can check that nothing was sent to it). Tests get the server through {@link InjectFakes}.
 */
public class FakeFineTuneOpenAi implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "sk-test-fine-tune";
    public static final String FILE_ID = "file-train-1";
    public static final String JOB_ID = "ftjob-1";
    public static final String MODEL = "ft:gpt-4o-mini-2024-07-18:suite::abc123";

    private WireMockServer server;
    private boolean configured;

    @Override
    public void init(Map<String, String> args) {
        configured = Boolean.parseBoolean(args.getOrDefault("configured", "true"));
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        if (!configured) {
            return Map.of("gateway.llm.base-url", "", "gateway.llm.api-key", "");
        }
        return Map.of("gateway.llm.base-url", server.baseUrl() + "/v1", "gateway.llm.api-key", API_KEY);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectFakes.class,
                WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A provider whose job is running at the first status check and succeeded at the second. */
    public static void succeeding(WireMockServer server) {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/v1/files")).willReturn(json(200,
                "{\"id\": \"" + FILE_ID + "\", \"object\": \"file\", \"purpose\": \"fine-tune\"}")));
        server.stubFor(post(urlPathEqualTo("/v1/fine_tuning/jobs")).willReturn(json(200,
                "{\"id\": \"" + JOB_ID + "\", \"object\": \"fine_tuning.job\", \"status\": \"validating_files\","
                        + " \"fine_tuned_model\": null}")));
        server.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)).inScenario("job")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("checked")
                .willReturn(json(200, "{\"id\": \"" + JOB_ID + "\", \"status\": \"running\","
                        + " \"fine_tuned_model\": null}")));
        server.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)).inScenario("job")
                .whenScenarioStateIs("checked")
                .willReturn(json(200, "{\"id\": \"" + JOB_ID + "\", \"status\": \"succeeded\","
                        + " \"fine_tuned_model\": \"" + MODEL + "\"}")));
    }

    /** A provider that refuses to start the job (e.g. an unknown base model). */
    public static void refusing(WireMockServer server, String message) {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/v1/files")).willReturn(json(200,
                "{\"id\": \"" + FILE_ID + "\", \"object\": \"file\"}")));
        server.stubFor(post(urlPathEqualTo("/v1/fine_tuning/jobs")).willReturn(json(400,
                "{\"error\": {\"message\": \"" + message + "\", \"type\": \"invalid_request_error\"}}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
