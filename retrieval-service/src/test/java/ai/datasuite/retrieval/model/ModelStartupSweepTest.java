package ai.datasuite.retrieval.model;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ai.datasuite.retrieval.support.ModelsTestProfile;
import ai.datasuite.retrieval.support.SquadData;
import ai.datasuite.retrieval.support.SquadDatasetSource;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.VectorStore;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A data folder as a fit killed mid-run leaves it (made before the service starts): the service removes the half-done
 * folder and its collection at start-up, before any request, and keeps a saved model's. The same start sets a small
 * {@code max-points}: a fit past it is a 413 naming the key, and nothing of it stays.
 */
@QuarkusTest
@TestProfile(ModelStartupSweepTest.CrashedDataProfile.class)
class ModelStartupSweepTest {

    static final String DEAD = "bm25-dead0001";
    static final String SAVED = "saved-1";

    /** A fresh data folder holding a killed fit's folder and collection, and a saved model's collection. */
    public static class CrashedDataProfile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new ModelsTestProfile().getConfigOverrides());
            Path data = Path.of(config.get("suite.data-dir"));
            try {
                Path dead = Files.createDirectories(data.resolve("retrieval/models/" + DEAD));
                Files.writeString(dead.resolve(VocabularyFile.NAME), "# half written\n");
                Path saved = Files.createDirectories(data.resolve("retrieval/models/" + SAVED));
                Files.writeString(saved.resolve(ModelFolders.META), "{\"modelId\":\"" + SAVED + "\",\"modelType\":"
                        + "\"bm25\",\"datasetId\":\"x\",\"params\":{},\"fitMillis\":1,\"contexts\":1}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedVectorStore store = new EmbeddedVectorStore(data.resolve("retrieval/vectors"));
            for (String collection : List.of("model-" + DEAD, "model-" + SAVED)) {
                store.ensureCollection(collection, 0, true);
                store.upsert(collection, List.of(new VectorPoint(1, null, new SparseVector(new int[] {3},
                        new float[] {1f}), Map.of("context_id", "0"))));
            }
            config.put("retrieval.vector-store.embedded.max-points", "50");
            return config;
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SquadDatasetSource.class);
        }
    }

    @ConfigProperty(name = "retrieval.models.dir")
    String modelsDir;

    @Inject
    VectorStore store;

    @Test
    void theStartRemovedTheKilledFitsLeftoversAndKeptTheSavedModel() {
        assertFalse(Files.exists(Path.of(modelsDir, DEAD)));
        assertFalse(store.collections().contains("model-" + DEAD));
        assertTrue(store.collections().contains("model-" + SAVED));
        assertEquals(1, store.count("model-" + SAVED));
    }

    @Test
    void aFitPastMaxPointsIs413NamingTheKeyAndLeavesNothing() {
        given().contentType(ContentType.JSON).body(Map.of("dataset_id", SquadData.SMALL, "model_type", "bm25",
                "model_id", "too-big")).post("/api/v1/models/fit_save").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:vector-collection-full"))
                .body("limit", equalTo("retrieval.vector-store.embedded.max-points"))
                .body("max", equalTo(50))
                .body("detail", containsString("retrieval.vector-store.embedded.max-points"));
        assertFalse(Files.exists(Path.of(modelsDir, "too-big")));
        assertFalse(store.collections().contains("model-too-big"));
    }
}
