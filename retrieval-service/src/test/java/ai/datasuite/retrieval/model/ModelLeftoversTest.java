package ai.datasuite.retrieval.model;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.retrieval.support.ModelsTestProfile;
import ai.datasuite.retrieval.support.SquadData;
import ai.datasuite.testsupport.identity.TestIdentity;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.VectorStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * What a fit killed mid-run leaves (a folder without model.json, collections without a saved model) is found and
 * removed by the sweep (start-up runs it: {@link ModelStartupSweepTest}) and by remove_all; saved models and running
 * fits are left alone. A saved model whose files are damaged answers in the user's terms, without paths.
 */
@QuarkusTest
@TestProfile(ModelsTestProfile.class)
class ModelLeftoversTest {

    private static final String BASE = "/api/v1/models/";

    @ConfigProperty(name = "retrieval.models.dir")
    String modelsDir;

    @Inject
    ModelRegistry registry;

    @Inject
    VectorStore store;

    @Test
    void theSweepRemovesWhatAKilledFitLeftAndKeepsSavedModels() throws IOException {
        fit("kept-1", "bm25").statusCode(200);
        killedFit("bm25-0badc0de");
        store.ensureCollection("model-gone-2-sparse", 4, true); // a hybrid part whose folder went already
        store.ensureCollection("model-kept-1-sparse", 4, true); // kept-1 is no hybrid: not its part
        store.ensureCollection("model-kept-1-extra", 4, false); // no model of that id: a leftover too

        registry.sweepLeftovers();

        assertFalse(Files.exists(Path.of(modelsDir, "bm25-0badc0de")));
        List<String> collections = store.collections();
        for (String gone : List.of("model-bm25-0badc0de", "model-gone-2-sparse", "model-kept-1-sparse",
                "model-kept-1-extra")) {
            assertFalse(collections.contains(gone), gone + " in " + collections);
        }
        assertTrue(collections.contains("model-kept-1"), collections::toString);
        assertTrue(Files.exists(Path.of(modelsDir, "kept-1", ModelFolders.META)));
        given().contentType(ContentType.JSON).body(Map.of("model_id", "kept-1", "question",
                SquadData.first(SquadData.SMALL, 60).rows().get(0).question())).post(BASE + "find_context").then()
                .statusCode(200);
    }

    @Test
    void removeAllRemovesLeftoversToo() throws IOException {
        killedFit("tfidf-deadbeef");
        TestIdentity.as("root", Roles.ADMIN).delete(BASE + "remove_all").then().statusCode(200)
                .body("removed", hasItem("tfidf-deadbeef"));
        assertFalse(Files.exists(Path.of(modelsDir, "tfidf-deadbeef")));
        assertFalse(store.collections().contains("model-tfidf-deadbeef"));
    }

    @Test
    void aDamagedModelAnswersWithoutPathsAndTheOthersStillList() throws IOException {
        fit("fragile-1", "bm25").statusCode(200);
        fit("broken-1", "bm25").statusCode(200);
        fit("sound-1", "bm25").statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("model_id", "fragile-1"))
                .post(BASE + "unload_model").then().statusCode(200);
        Files.delete(Path.of(modelsDir, "fragile-1", VocabularyFile.NAME));
        Files.writeString(Path.of(modelsDir, "broken-1", ModelFolders.META), "{not json");

        given().contentType(ContentType.JSON).body(Map.of("model_id", "fragile-1",
                "question", "Which NFL team won Super Bowl 50?")).post(BASE + "find_context").then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:model-load-failed"))
                .body("detail", containsString("'fragile-1'"))
                .body("detail", not(containsString(Path.of(modelsDir).getFileName().toString())))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString(VocabularyFile.NAME)));
        given().contentType(ContentType.JSON).body(Map.of("model_id", "broken-1"))
                .post(BASE + "load_model").then().statusCode(500)
                .body("type", equalTo("urn:ai-data-suite:problem:model-load-failed"))
                .body("detail", not(containsString("/")));
        given().get(BASE + "list_model").then().statusCode(200)
                .body("model_id", hasItem("sound-1")).body("model_id", not(hasItem("broken-1")));
    }

    /** What a fit killed after making its folder and collection leaves: a vocabulary, vectors, no model.json. */
    private void killedFit(String id) throws IOException {
        Path dir = Files.createDirectories(Path.of(modelsDir, id));
        Files.writeString(dir.resolve(VocabularyFile.NAME), "# half\nword\t1.0\n");
        store.ensureCollection("model-" + id, 0, true);
        store.upsert("model-" + id, List.of(new VectorPoint(1, null,
                new SparseVector(new int[] {0}, new float[] {1f}), Map.of("context_id", "0"))));
        assertTrue(store.collections().contains("model-" + id));
    }

    private static ValidatableResponse fit(String id, String type) {
        return given().contentType(ContentType.JSON).body(Map.of("dataset_id", SquadData.SMALL,
                "model_type", type, "model_id", id)).post(BASE + "fit_save").then();
    }
}
