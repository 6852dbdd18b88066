package ai.datasuite.inference.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.datasuite.inference.TinyModels;
import ai.datasuite.inference.TinyModelsResource;
import ai.datasuite.problem.ProblemException;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = TinyModelsResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ModelRegistryTest {

    @Inject
    ModelRegistry registry;

    @Inject
    TextClassifier classifier;

    /**
     * A model.onnx ONNX Runtime cannot read: the 500 says so in general terms, with neither the folder nor ONNX
     * Runtime's text (which names the file's path); the log has both.
     */
    @Test
    void aCorruptModelFailsToLoadWithoutPathsOrExceptionText() throws Exception {
        Path folder = new TinyModels(TinyModels.ROBERTA_LIKE).write(Files.createTempDirectory("corrupt"));
        Files.writeString(folder.resolve(HfTextClassificationModel.MODEL_FILE), "not an onnx graph");
        ProblemException refused = assertThrows(ProblemException.class,
                () -> registry.promote(new ModelFolder("corrupt", "1", folder)));
        assertEquals(500, refused.status());
        assertEquals("model-load-failed", refused.slug());
        assertTrue(refused.detail().contains("'corrupt'"), refused.detail());
        assertFalse(refused.detail().contains(folder.toString()), refused.detail());
        assertFalse(refused.detail().contains(folder.getParent().toString()), refused.detail());
        assertFalse(refused.detail().contains("ORT_") || refused.detail().contains("Protobuf")
                || refused.detail().contains("Exception"), refused.detail());
    }

    /**
     * Predictions keep running while a new version is promoted: none fails, each matches the reference of the version
     * it reports, and every call that starts after the promotion returned gets the new version.
     */
    @Test
    void promotionSwapsVersionsWithoutFailingAPrediction() throws Exception {
        String id = TinyModelsResource.PROMOTE;
        TinyModels.Spec newSpec = new TinyModels.Spec(TinyModels.ROBERTA_LIKE.labels(), false, "roberta", 10, null, 6,
                99L, 0);
        TinyModels oldReference = new TinyModels(TinyModels.ROBERTA_LIKE);
        TinyModels newReference = new TinyModels(newSpec);
        Path folder = newReference.write(Files.createTempDirectory("promoted"));
        List<String> texts = List.of("i love this movie", "the weather is terrible", "what a day !", "so angry");
        assertTrue(texts.stream().anyMatch(t -> Math.abs(oldReference.probabilities(t)[0]
                - newReference.probabilities(t)[0]) > 1e-3), "the versions must be told apart by their answers");

        AtomicBoolean promoted = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<int[]>> workers = new ArrayList<>();
        try {
            for (int w = 0; w < 4; w++) {
                workers.add(pool.submit(() -> {
                    int[] versions = new int[3]; // [v1, v2, v1 after the promotion returned]
                    for (int call = 0; call < 150; call++) {
                        boolean after = promoted.get();
                        List<Prediction> predictions = classifier.classify(id, texts, 3);
                        String version = predictions.get(0).modelVersion();
                        TinyModels reference = version.equals("2") ? newReference : oldReference;
                        for (int i = 0; i < texts.size(); i++) {
                            double[] expected = reference.probabilities(texts.get(i));
                            for (LabelScore ranked : predictions.get(i).ranked()) {
                                assertEquals(expected[TinyModels.ROBERTA_LIKE.labels().indexOf(ranked.label())],
                                        ranked.score(), 1e-5);
                            }
                        }
                        versions[version.equals("2") ? 1 : 0]++;
                        if (after && !version.equals("2")) {
                            versions[2]++;
                        }
                    }
                    return versions;
                }));
            }
            Thread.sleep(20); // let the workers get going on version 1 (not a wait for a result)
            ModelView view = registry.promote(new ModelFolder(id, "2", folder));
            promoted.set(true);
            assertEquals("2", view.version());
            assertEquals("loaded", view.state());
            int v1 = 0;
            int v2 = 0;
            for (Future<int[]> worker : workers) {
                int[] versions = worker.get(60, TimeUnit.SECONDS);
                v1 += versions[0];
                v2 += versions[1];
                assertEquals(0, versions[2], "a call started after the promotion got the old version");
            }
            assertEquals(600, v1 + v2);
            assertTrue(v2 > 0, "no call saw version 2");
        } finally {
            pool.shutdownNow();
        }
        ModelView after = registry.find(id).orElseThrow();
        assertEquals("2", after.version());
        List<Prediction> last = classifier.classify(id, List.of("so angry"), 0);
        assertEquals("2", last.get(0).modelVersion());
        assertEquals(newReference.probabilities("so angry")[newReference.best("so angry")], last.get(0).score(), 1e-5);
        assertTrue(last.get(0).ranked().isEmpty());
    }
}
