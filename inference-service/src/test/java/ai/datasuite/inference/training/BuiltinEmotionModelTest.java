package ai.datasuite.inference.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.inference.EmotionLabels;
import ai.datasuite.inference.serving.HfTextClassificationModel;
import ai.datasuite.inference.serving.ModelFolder;

/** The built-in model assembled from the committed head: layout, quality on dev, padding invariance, graph vs Java. */
class BuiltinEmotionModelTest {

    @TempDir
    static Path dataDir;

    static BuiltinEmotionModel builtin;
    static ModelFolder folder;

    @BeforeAll
    static void assemble() {
        builtin = new BuiltinEmotionModel(dataDir.resolve("models/emotion"));
        List<ModelFolder> models = builtin.models();
        assertEquals(1, models.size());
        folder = models.get(0);
    }

    @Test
    void assemblesTheCommittedVersionInTheHuggingFaceLayout() throws Exception {
        assertEquals("emotion", folder.id());
        assertEquals(BuiltinEmotionModel.BUILTIN_VERSION, folder.version());
        assertEquals(builtin.versionFolder("v1"), folder.folder());
        for (String f : List.of("model.onnx", "tokenizer.json", "config.json", "metrics.json")) {
            assertTrue(Files.isRegularFile(folder.folder().resolve(f)), f);
        }
        JsonNode config = new ObjectMapper().readTree(folder.folder().resolve("config.json").toFile());
        for (int i = 0; i < EmotionLabels.count(); i++) {
            assertEquals(EmotionLabels.ALL.get(i), config.path("id2label").path(String.valueOf(i)).asText());
            assertEquals(i, config.path("label2id").path(EmotionLabels.ALL.get(i)).asInt(-1));
        }
        assertEquals(512, config.path("max_position_embeddings").asInt());
        try (var stream = Files.list(builtin.root())) {
            assertEquals(List.of(), stream.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.equals(".lock"))
                            .toList(),
                    "no temporary folder left behind");
        }
    }

    @Test
    void assemblingAgainIsANoOp() throws Exception {
        Path model = folder.folder().resolve("model.onnx");
        FileTime before = Files.getLastModifiedTime(model);
        Files.setLastModifiedTime(model, FileTime.fromMillis(before.toMillis() - 60_000));
        FileTime marked = Files.getLastModifiedTime(model);
        assertEquals(folder, builtin.models().get(0));
        assertEquals(marked, Files.getLastModifiedTime(model));
    }

    @Test
    void meetsTheQualityTargetOnTheWholeDevSet() throws Exception {
        List<GoEmotions.Row> dev = new GoEmotions(TrainingFixtures.goemotions()).read("dev");
        assertEquals(4946, dev.size());
        // Through the code that serves every model (HfTextClassificationModel), not a loader of its own.
        Metrics metrics = ModelEvaluator.evaluateServed(folder.folder(), dev, 2);
        System.out.println("built-in emotion model on dev: " + metrics);
        assertTrue(metrics.macroF1() >= 0.60, "macro-F1 " + metrics.macroF1());
        assertTrue(metrics.accuracy() >= 0.66, "accuracy " + metrics.accuracy());
        JsonNode committed = new ObjectMapper().readTree(folder.folder().resolve("metrics.json").toFile());
        assertEquals(committed.path("macro_f1").asDouble(), metrics.macroF1(), 0.002, "metrics.json matches a fresh evaluation");
        assertEquals(committed.path("accuracy").asDouble(), metrics.accuracy(), 0.002);
    }

    @Test
    void paddingAndBatchCompanionsDoNotChangeTheLogits() throws Exception {
        try (ModelEvaluator evaluator = new ModelEvaluator(folder.folder(), 2)) {
            long[] shortText = evaluator.tokenize("I can't believe they cancelled the show, so sad.");
            long[] longText = evaluator.tokenize("This is a much longer comment about nothing in particular, written so that the "
                    + "short one gets padded with plenty of zeros when both go through the model in the same batch!!");
            float[] alone = evaluator.logitsOfBatch(List.of(shortText))[0];
            float[][] batch = evaluator.logitsOfBatch(List.of(longText, shortText, longText));
            assertEquals(EmotionLabels.count(), alone.length);
            assertArrayEquals(alone, batch[1], 1e-4f);
            assertArrayEquals(batch[0], batch[2], 1e-4f);
            assertArrayEquals(evaluator.logitsOfBatch(List.of(longText))[0], batch[0], 1e-4f);
        }
    }

    @Test
    void theGraphComputesWhatTheJavaHeadComputes() throws Exception {
        EmotionHead head = EmotionHead.fromBytes(Files.readAllBytes(folder.folder().resolve("head.bin")));
        List<String> texts = List.of("Thank you so much, this made my day!", "Ugh, that is disgusting.", "[NAME] is on the team now.",
                "What?! I had no idea", "I'm scared of what happens next");
        try (ModelEvaluator evaluator = new ModelEvaluator(folder.folder(), 2); E5Encoder encoder = new E5Encoder(2)) {
            float[][] graph = evaluator.logits(texts, 8);
            for (int i = 0; i < texts.size(); i++) {
                long[] ids = encoder.tokenize(texts.get(i));
                assertArrayEquals(ids, evaluator.tokenize(texts.get(i)), "the folder's tokenizer.json tokenizes like training");
                float[] embedding = encoder.embed(List.of(ids), 1, null)[0];
                double[] java = head.logits(embedding, ids);
                for (int c = 0; c < java.length; c++) {
                    assertEquals(java[c], graph[i][c], 1e-3, texts.get(i) + " label " + c);
                }
            }
        }
    }

    /**
     * What a retrain killed mid-write leaves (a temporary version folder, an incomplete version folder, a half-written
     * pointer and cache file) is gone after the next start; complete versions, the cache and the served model stay.
     */
    @Test
    void leftoversOfAKilledRunAreRemovedAtStartAndTheServedModelStillLoads() throws Exception {
        Path root = builtin.root();
        Path temporary = Files.createDirectories(root.resolve(".v2-8164027364"));
        Files.write(temporary.resolve("model.onnx"), new byte[1024]);
        Path incomplete = Files.createDirectories(root.resolve("v3"));
        Files.writeString(incomplete.resolve("config.json"), "{\"id2");
        Path pointer = Files.writeString(root.resolve(".current-5531.tmp"), "v");
        Path cacheTemp = Files.write(Files.createDirectories(builtin.cacheDir()).resolve("train7301.tmp"), new byte[8]);
        Path cache = Files.write(builtin.cacheDir().resolve("train-0123456789abcdef.f32"), new byte[8]);
        Path complete = root.resolve("v4");
        Files.createDirectories(complete);
        try (var files = Files.list(folder.folder())) {
            for (Path f : files.toList()) {
                Files.copy(f, complete.resolve(f.getFileName()));
            }
        }
        try {
            List<ModelFolder> started = new BuiltinEmotionModel(root).models(); // what a start runs
            for (Path gone : List.of(temporary, incomplete, pointer, cacheTemp)) {
                assertFalse(Files.exists(gone), gone + " is left over");
            }
            assertTrue(Files.exists(cache), "the cache is kept");
            assertTrue(EmotionModelFolder.isComplete(complete), "a complete version is kept");
            assertEquals(folder, started.get(0));
            try (HfTextClassificationModel served = HfTextClassificationModel.load(started.get(0),
                    new HfTextClassificationModel.SessionSettings(1, 1))) {
                assertEquals(EmotionLabels.ALL, served.labels());
            }
        } finally {
            EmotionModelFolder.deleteTree(complete);
        }
    }

    @Test
    void promotesOnlyExistingVersionsAndRejectsOddNames() {
        assertThrows(IllegalArgumentException.class, () -> builtin.promote("v9"));
        assertThrows(IllegalArgumentException.class, () -> builtin.versionFolder("../etc"));
        assertEquals("v1", builtin.currentVersion());
        builtin.promote("v1");
        assertEquals("v1", builtin.currentVersion());
    }
}
