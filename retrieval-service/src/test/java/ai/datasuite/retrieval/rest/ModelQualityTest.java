package ai.datasuite.retrieval.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.retrieval.support.ModelsTestProfile;
import ai.datasuite.retrieval.support.SquadData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The quality target through the whole stack (fit_save, the vector store, quality_test) on the full shared SQuAD
 * data: TF-IDF accuracy within 0.5 point of scikit-learn's at the same parameters ({@code sklearn/squad_accuracy.json}).
 * BM25's figures are printed for the README.
 */
@QuarkusTest
@TestProfile(ModelsTestProfile.class)
class ModelQualityTest {

    @Test
    void tfidfOnFullSquadMatchesScikitLearn() throws IOException {
        JsonNode reference;
        try (InputStream in = getClass().getResourceAsStream("/sklearn/squad_accuracy.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        for (String name : List.of("default", "bigrams_sublinear_english")) {
            Map<String, Object> params = new ObjectMapper().convertValue(reference.get(name).get("params"), Map.class);
            JsonPath quality = fitAndTest("full-" + name.replace('_', '-'), "tfidf", params);
            double expected = reference.get(name).get("accuracy").asDouble();
            assertEquals(reference.get("questions").asInt(), quality.getInt("n"));
            assertTrue(Math.abs(quality.getDouble("accuracy") - expected) <= 0.005,
                    name + ": " + quality.getDouble("accuracy") + " vs scikit-learn " + expected);
        }
    }

    @Test
    void bm25OnFullSquad() {
        JsonPath quality = fitAndTest("full-bm25", "bm25", Map.of());
        assertEquals(8398, quality.getInt("n"));
        // BM25 is a stronger lexical baseline than default TF-IDF (0.619) on this data.
        assertTrue(quality.getDouble("accuracy") > 0.62, quality.prettify());
    }

    private static JsonPath fitAndTest(String id, String type, Map<String, Object> params) {
        JsonPath fit = given().contentType(ContentType.JSON).body(Map.of("dataset_id", SquadData.FULL,
                "model_type", type, "model_id", id, "params", params)).post("/api/v1/models/fit_save")
                .then().statusCode(200).extract().jsonPath();
        JsonPath quality = given().contentType(ContentType.JSON).body(Map.of("model_id", id))
                .post("/api/v1/models/quality_test").then().statusCode(200).extract().jsonPath();
        JsonPath bench = given().contentType(ContentType.JSON).body(Map.of("model_id", id, "n", 200))
                .post("/api/v1/models/benchmark").then().statusCode(200).extract().jsonPath();
        System.out.printf("QUALITY %s %s params=%s: acc@1 %.4f r@5 %.4f r@10 %.4f mrr@10 %.4f ndcg@10 %.4f n=%d"
                        + " (quality %d ms) | fit %d ms, %d bytes | p50 %.3f ms p95 %.3f ms p99 %.3f ms qps %.0f"
                        + " load %d ms%n", type, id, params, quality.getDouble("accuracy"),
                quality.getDouble("recall_at_5"), quality.getDouble("recall_at_10"), quality.getDouble("mrr_at_10"),
                quality.getDouble("ndcg_at_10"), quality.getInt("n"), quality.getLong("took_millis"),
                fit.getLong("fit_millis"), fit.getLong("size_bytes"), bench.getDouble("p50_ms"),
                bench.getDouble("p95_ms"), bench.getDouble("p99_ms"), bench.getDouble("qps"),
                bench.getLong("load_millis"));
        given().delete("/api/v1/models/remove/" + id).then().statusCode(200);
        return quality;
    }
}
