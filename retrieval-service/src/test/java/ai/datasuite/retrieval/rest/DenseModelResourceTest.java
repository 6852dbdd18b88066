package ai.datasuite.retrieval.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import ai.datasuite.retrieval.support.ModelsTestProfile;
import ai.datasuite.retrieval.support.SquadData;
import ai.datasuite.vectorindex.VectorStore;

/** The embedding and hybrid model types through the HTTP API, with the real e5 model, on the first 60 SQuAD contexts. */
@QuarkusTest
@TestProfile(ModelsTestProfile.class)
class DenseModelResourceTest {

    private static final String BASE = "/api/v1/models/";

    @Inject
    VectorStore store;

    @Test
    void embeddingAndHybridFitSearchMeasureAndRemove() {
        JsonPath dense = post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "embedding",
                "model_id", "small-e5", "params", Map.of("chunking", "none")))
                .statusCode(200).extract().jsonPath();
        assertEquals(60, dense.getInt("contexts"));
        assertEquals("e5-small-v2", dense.getString("params.model"));
        JsonPath hybrid = post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "hybrid",
                "model_id", "small-hybrid")).statusCode(200).extract().jsonPath();
        assertEquals("bm25", hybrid.getString("params.sparse_type"));
        assertTrue(store.count("model-small-hybrid-dense") > 60, "passages and sentences are indexed");

        post("find_context", Map.of("model_id", "small-hybrid", "question",
                "Which team won Super Bowl 50?", "top_k", 3))
                .statusCode(200)
                .body("results.size()", equalTo(3))
                .body("results[0].context", containsString("Super Bowl 50"));

        Map<String, Object> sample = Map.of("sample", 150);
        double denseAccuracy = post("quality_test", with(sample, "small-e5")).statusCode(200)
                .extract().jsonPath().getDouble("accuracy");
        JsonPath hybridQuality = post("quality_test", with(sample, "small-hybrid")).statusCode(200).extract().jsonPath();
        assertEquals(150, hybridQuality.getInt("n"));
        assertTrue(hybridQuality.getDouble("accuracy") >= denseAccuracy,
                "hybrid " + hybridQuality.getDouble("accuracy") + " vs e5 alone " + denseAccuracy);
        assertTrue(hybridQuality.getDouble("recall_at_5") >= hybridQuality.getDouble("accuracy"));

        post("benchmark", Map.of("model_id", "small-hybrid", "n", 20)).statusCode(200)
                .body("p50_ms", org.hamcrest.Matchers.greaterThan(0f));

        given().when().delete(BASE + "remove/small-hybrid").then().statusCode(200);
        assertEquals(0, store.count("model-small-hybrid-dense"), "the hybrid's collections are dropped");
        assertEquals(0, store.count("model-small-hybrid-sparse"));
        given().when().delete(BASE + "remove/small-e5").then().statusCode(200);
    }

    @Test
    void badDenseParamsAreNamed() {
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "embedding",
                "params", Map.of("model", "gpt-9"))).statusCode(400)
                .body("detail", containsString("model"));
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "hybrid",
                "params", Map.of("weight", 1.5))).statusCode(400)
                .body("detail", containsString("weight"));
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "hybrid",
                "params", Map.of("sparse_params", Map.of("k1", -1)))).statusCode(400)
                .body("detail", containsString("sparse_params"))
                .body("detail", containsString("'k1'"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String modelId) {
        return Map.of("model_id", modelId, "sample", body.get("sample"));
    }

    private static ValidatableResponse post(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(BASE + path).then();
    }
}
