package ai.datasuite.inference.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training is deterministic, and a retrain on a small sample yields a complete, loadable, promotable version. */
class EmotionTrainerTest {

    static final HeadTrainer.Options SMALL = HeadTrainer.Options.DEFAULT.withFolds(2).withMaxIterations(60);

    @TempDir
    Path dataDir;

    @Test
    void sameDataGivesTheSameHeadBytes() throws Exception {
        List<GoEmotions.Row> rows = new GoEmotions(TrainingFixtures.goemotions()).read("train").subList(0, 300);
        List<LabelledText> extra = List.of(new LabelledText("this is revolting", "disgust"));
        Path cache = dataDir.resolve("cache");
        byte[] first = EmotionTrainer.trainHead(rows, extra, cache, 2, SMALL, s -> { }).toBytes();
        try (var files = Files.list(cache)) {
            assertEquals(1, files.count(), "train features cached");
        }
        byte[] second = EmotionTrainer.trainHead(rows, extra, cache, 2, SMALL, s -> { }).toBytes();
        assertArrayEquals(first, second);
        EmotionHead head = EmotionHead.fromBytes(first);
        assertArrayEquals(head.toBytes(), first, "the head round-trips through its binary form");
        byte[] other = EmotionTrainer.trainHead(rows.subList(0, 299), extra, cache, 2, SMALL, s -> { }).toBytes();
        assertTrue(!java.util.Arrays.equals(first, other), "different data, different head");
    }

    @Test
    void retrainOnACappedSampleWritesTheNextLoadableVersion() throws Exception {
        BuiltinEmotionModel models = new BuiltinEmotionModel(dataDir.resolve("models/emotion"));
        models.ensureBuiltin();
        EmotionTrainer trainer = new EmotionTrainer(TrainingFixtures.goemotions(), 400, 150, 2, models, SMALL);
        List<String> progress = new ArrayList<>();
        EmotionTrainer.Result result = trainer.train(List.of(new LabelledText("I am so angry about this!!", "anger"),
                new LabelledText("wow, did not see that coming", "surprise")), progress::add);

        assertEquals("v2", result.version());
        assertEquals(models.versionFolder("v2"), result.folder());
        assertTrue(EmotionModelFolder.isComplete(result.folder()));
        assertEquals(400, result.trainRows());
        assertEquals(2, result.extraRows());
        assertEquals(150, result.metrics().n());
        assertTrue(result.metrics().accuracy() > 0.3, "a weak but real model: " + result.metrics());
        assertEquals("v1", result.currentVersion());
        assertNotNull(result.currentMetrics(), "the committed version's metrics");
        // Compared on the same 150 dev rows, not on the 4,946 its metrics.json covers; v1 (trained on all of train)
        // beats a head trained on 400 rows there.
        assertEquals(150, result.currentMetrics().n());
        assertTrue(result.currentMetrics().macroF1() > result.metrics().macroF1(), result.currentMetrics() + " vs " + result.metrics());
        assertTrue(progress.stream().anyMatch(s -> s.contains("evaluating the current version")), progress.toString());
        assertTrue(progress.stream().anyMatch(s -> s.contains("fold 2/2")), progress.toString());

        Metrics written = EmotionModelFolder.readMetrics(result.folder());
        assertEquals(result.metrics().accuracy(), written.accuracy(), 1e-6);
        List<GoEmotions.Row> dev = new GoEmotions(TrainingFixtures.goemotions()).read("dev").subList(0, 150);
        try (ModelEvaluator evaluator = new ModelEvaluator(result.folder(), 2)) {
            assertEquals(result.metrics().accuracy(), evaluator.evaluate(dev).accuracy(), 1e-9);
        }

        assertEquals("v1", models.models().get(0).version(), "not promoted by training");
        models.promote("v2");
        assertEquals("v2", models.currentVersion());
        assertEquals("v2", models.models().get(0).version());
        assertEquals(List.of("v1", "v2"), models.versions());

        assertThrows(IllegalArgumentException.class,
                () -> trainer.train(List.of(new LabelledText("meh", "boredom")), s -> { }));
    }
}
