package ai.datasuite.retrieval.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.datasuite.retrieval.support.ModelsTestProfile;
import ai.datasuite.retrieval.support.SquadData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With load-on-demand off, an unloaded model answers 409 until load_model. */
@QuarkusTest
@TestProfile(ModelLoadOnDemandOffTest.Profile.class)
class ModelLoadOnDemandOffTest {

    public static class Profile extends ModelsTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("retrieval.models.load-on-demand", "false");
            return config;
        }
    }

    @Test
    void unloadedModelAnswers409UntilLoaded() {
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "bm25", "model_id", "manual"))
                .statusCode(200);
        Map<String, Object> find = Map.of("model_id", "manual", "question", "Who won Super Bowl 50?");
        post("find_context", find).statusCode(200);
        post("unload_model", Map.of("model_id", "manual")).statusCode(200);
        for (String path : new String[] {"find_context", "quality_test", "benchmark"}) {
            post(path, path.equals("find_context") ? find : Map.of("model_id", "manual")).statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:ai-data-suite:problem:model-not-loaded"));
        }
        post("load_model", Map.of("model_id", "manual")).statusCode(200).body("already_loaded", equalTo(false));
        post("find_context", find).statusCode(200);
        given().delete("/api/v1/models/remove/manual").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/models/" + path).then();
    }
}
