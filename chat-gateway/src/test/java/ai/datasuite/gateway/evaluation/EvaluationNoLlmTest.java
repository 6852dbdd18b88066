package ai.datasuite.gateway.evaluation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import ai.datasuite.gateway.support.FakeOpenAi;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.InjectFakes;
import ai.datasuite.gateway.support.Gateway;

/** Without an LLM configured (the embedded default) a run is refused with 409 saying what to set. */
@QuarkusTest
@TestProfile(EvaluationNoLlmTest.NoLlm.class)
class EvaluationNoLlmTest {

    public static class NoLlm implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeServicesResource.class),
                    new TestResourceEntry(FakeOpenAi.class, Map.of("configured", "false")));
        }
    }

    @InjectFakes
    FakeServices fakes;

    @Test
    void aRunIsRefusedWith409NamingTheSettings() {
        EvaluationFakes data = EvaluationFakes.plug(fakes);
        data.metadata().addTask("no-llm", 1, "A question?", "1", null, null);

        Gateway.withKey(data.annotator()).contentType(ContentType.JSON).body("{\"filter\": {\"levels\": [1]}}")
                .post("/api/v1/evaluations").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:llm-not-configured"))
                .body("detail", containsString("set SUITE_LLM_API_KEY for OpenAI, or SUITE_LLM_BASE_URL"))
                .body("detail", containsString("SUITE_LLM_MODEL"))
                .body("detail", containsString("restart the gateway"))
                .body("settings", hasItems("SUITE_LLM_API_KEY", "SUITE_LLM_BASE_URL", "SUITE_LLM_MODEL"));
        Gateway.withKey(data.user()).contentType(ContentType.JSON).body("{}").post("/api/v1/evaluations").then()
                .statusCode(403);
        Gateway.withKey(data.annotator()).get("/api/v1/evaluations").then().statusCode(200)
                .body("total", equalTo(0)); // nothing was created
    }
}
