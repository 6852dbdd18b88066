package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.inference.TinyModels;
import ai.datasuite.inference.TinyModelsResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import ai.datasuite.testsupport.identity.TestIdentity;

@QuarkusTest
@WithTestResource(value = TinyModelsResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ClassifierResourceTest {

    @Test
    void listShowsEveryRegisteredModelWithWhatTheFolderAndSessionSay() {
        JsonPath list = given().get("/api/v1/classifiers").then().statusCode(200).extract().jsonPath();
        List<String> ids = list.getList("id");
        assertTrue(ids.containsAll(List.of(TinyModelsResource.TINY, TinyModelsResource.TINY_BERT,
                TinyModelsResource.CYCLE, TinyModelsResource.IDLE, TinyModelsResource.BROKEN)), ids.toString());
        given().get("/api/v1/classifiers/" + TinyModelsResource.TINY).then().statusCode(200)
                .body("state", equalTo("loaded"))
                .body("loaded", equalTo(true))
                .body("source", equalTo("config"))
                .body("labels", equalTo(TinyModels.ROBERTA_LIKE.labels()))
                .body("input_names", equalTo(List.of("input_ids", "attention_mask")))
                .body("output_name", equalTo("logits"))
                .body("max_length", equalTo(8))
                .body("memory.model_file_bytes", equalTo((int) fileSize(TinyModelsResource.TINY)));
        given().get("/api/v1/classifiers/" + TinyModelsResource.TINY_BERT).then().statusCode(200)
                .body("input_names", equalTo(List.of("input_ids", "attention_mask", "token_type_ids")))
                .body("labels", equalTo(TinyModels.BERT_LIKE.labels()))
                .body("max_length", equalTo(6));
        given().get("/api/v1/classifiers/" + TinyModelsResource.IDLE).then().statusCode(200)
                .body("state", equalTo("unloaded"))
                .body("loaded", equalTo(false))
                .body("max_length", equalTo(8))
                .body("batching", nullValue());
        given().get("/api/v1/classifiers/nope").then().statusCode(404)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"));
    }

    /** Unloaded → 409; load → serves and reports memory; unload → 409 again and reports release; reload → same. */
    @Test
    void loadUnloadReloadCycle() {
        String id = TinyModelsResource.CYCLE;
        Map<String, Object> body = Map.of("texts", List.of("I am so sad today"), "model", id, "top_k", 4);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/predict").then().statusCode(409);

        JsonPath load = given().post("/api/v1/classifiers/" + id + "/load").then().statusCode(200).extract().jsonPath();
        assertEquals(false, load.getBoolean("already_loaded"));
        assertEquals(fileSize(id), load.getLong("model_file_bytes"));
        assertTrue(load.getLong("memory_bytes") >= 0);
        assertTrue(load.getLong("rss_after_bytes") > 0);
        assertEquals("loaded", load.getString("model.state"));
        JsonPath first = given().contentType(ContentType.JSON).body(body).post("/api/v1/predict")
                .then().statusCode(200).extract().jsonPath();
        TinyModels reference = new TinyModels(TinyModels.BERT_LIKE);
        assertEquals(reference.probabilities("I am so sad today")[reference.best("I am so sad today")],
                first.getDouble("predictions[0].score"), 1e-5);

        given().post("/api/v1/classifiers/" + id + "/load").then().statusCode(200).body("already_loaded", equalTo(true));

        JsonPath unload = given().post("/api/v1/classifiers/" + id + "/unload").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(true, unload.getBoolean("was_loaded"));
        assertEquals(true, unload.getBoolean("closed"));
        assertTrue(unload.getLong("released_bytes") >= 0);
        assertEquals(fileSize(id), unload.getLong("model_file_bytes"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/predict").then().statusCode(409)
                .body("detail", containsString("/load"));
        given().get("/api/v1/classifiers/" + id).then().body("state", equalTo("unloaded"))
                .body("memory.released_bytes", equalTo((int) unload.getLong("released_bytes")))
                .body("input_names", hasItems("token_type_ids"));
        given().post("/api/v1/classifiers/" + id + "/unload").then().statusCode(200).body("was_loaded", equalTo(false));

        given().post("/api/v1/classifiers/" + id + "/load").then().statusCode(200).body("already_loaded", equalTo(false));
        JsonPath again = given().contentType(ContentType.JSON).body(body).post("/api/v1/predict")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(first.getList("predictions"), again.getList("predictions"));
    }

    /** With ~48 MB of weights the RSS measurements are well above noise: the load adds and the unload gives back. */
    @Test
    void memoryOfABigModelIsMeasuredAtLoadAndReleasedAtUnload() {
        String id = TinyModelsResource.BIG;
        long file = fileSize(id);
        assertTrue(file > 40_000_000L, "big model is " + file + " bytes");
        for (int round = 0; round < 2; round++) {
            JsonPath load = given().post("/api/v1/classifiers/" + id + "/load").then().statusCode(200)
                    .extract().jsonPath();
            given().contentType(ContentType.JSON).body(Map.of("texts", List.of("what a day"), "model", id))
                    .post("/api/v1/predict").then().statusCode(200);
            JsonPath unload = given().post("/api/v1/classifiers/" + id + "/unload").then().statusCode(200)
                    .extract().jsonPath();
            long grew = load.getLong("memory_bytes");
            long released = unload.getLong("released_bytes");
            System.out.printf("big model round %d: file %d, load +%d, unload -%d%n", round, file, grew, released);
            assertTrue(grew > file / 2, "load grew RSS by " + grew);
            assertTrue(released > file / 2, "unload released " + released);
        }
    }

    @Test
    void aBrokenFolderIsListedAsFailedAndItsLoadSaysWhyWithoutItsPath() {
        String root = modelsRoot();
        given().get("/api/v1/classifiers/" + TinyModelsResource.BROKEN).then().statusCode(200)
                .body("state", equalTo("failed"))
                .body("error", containsString("tokenizer.json"))
                .body("error", not(containsString(root)));
        String answer = given().post("/api/v1/classifiers/" + TinyModelsResource.BROKEN + "/load").then().statusCode(500)
                .body("type", equalTo("urn:ai-data-suite:problem:model-load-failed"))
                .body("detail", containsString("tokenizer.json"))
                .extract().asString();
        assertFalse(answer.contains(root) || answer.contains("Exception"), answer);
        given().post("/api/v1/classifiers/nope/load").then().statusCode(404);
        given().post("/api/v1/classifiers/nope/unload").then().statusCode(404);
    }

    /** Where the models lie on the server is the operator's business: no listing or model view shows a path. */
    @Test
    void theListingShowsNoServerPaths() {
        String root = modelsRoot();
        String list = given().get("/api/v1/classifiers").then().statusCode(200).extract().asString();
        assertFalse(list.contains(root), list);
        assertFalse(list.contains("\"path\""), list);
        String one = given().get("/api/v1/classifiers/" + TinyModelsResource.TINY).then().statusCode(200)
                .body("$", not(hasKey("path"))).extract().asString();
        assertFalse(one.contains(root), one);
    }

    /** Anyone signed in reads the classifiers and predicts; loading and unloading are an admin's (403 otherwise). */
    @Test
    void onlyAnAdminLoadsAndUnloads() {
        for (String role : new String[] {Roles.USER, Roles.ANNOTATOR}) {
            TestIdentity.as("bob", role).get("/api/v1/classifiers").then().statusCode(200);
            TestIdentity.as("bob", role).get("/api/v1/classifiers/" + TinyModelsResource.TINY).then().statusCode(200);
            TestIdentity.as("bob", role).contentType(ContentType.JSON)
                    .body(Map.of("texts", List.of("I am so sad today"), "model", TinyModelsResource.TINY))
                    .post("/api/v1/predict").then().statusCode(200);
            TestIdentity.as("bob", role).post("/api/v1/classifiers/" + TinyModelsResource.IDLE + "/load")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                    .body("detail", containsString("Loading a classifier needs the admin role"));
            TestIdentity.as("bob", role).post("/api/v1/classifiers/" + TinyModelsResource.TINY + "/unload")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                    .body("detail", containsString("Unloading a classifier needs the admin role"));
            // Refused before the registry is asked: an unknown id is no 404 for them either.
            TestIdentity.as("bob", role).post("/api/v1/classifiers/nope/load").then().statusCode(403);
        }
        given().get("/api/v1/classifiers/" + TinyModelsResource.IDLE).then().body("state", equalTo("unloaded"));
        given().get("/api/v1/classifiers/" + TinyModelsResource.TINY).then().body("state", equalTo("loaded"));
    }

    @Test
    void theOldModelsPrefixIsGone() {
        given().get("/api/v1/models").then().statusCode(404);
        given().post("/api/v1/models/" + TinyModelsResource.IDLE + "/load").then().statusCode(404);
        given().get("/api/v1/classifiers/" + TinyModelsResource.IDLE).then().body("state", equalTo("unloaded"));
    }

    @Test
    void readyOnceTheStartupModelsAreLoaded() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'models' }.status", equalTo("UP"));
    }

    private static String modelsRoot() {
        return ConfigProvider.getConfig().getValue("tiny-models.root", String.class);
    }

    private static long fileSize(String id) {
        String path = ConfigProvider.getConfig().getValue("inference.serving.models." + id + ".path", String.class);
        try {
            return Files.size(Path.of(path, "model.onnx"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
