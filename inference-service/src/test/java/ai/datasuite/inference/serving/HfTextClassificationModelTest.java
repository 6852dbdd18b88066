package ai.datasuite.inference.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.inference.TinyModels;

/** The HF-layout loader against tiny models built by the test, checked with a plain-Java reference. */
class HfTextClassificationModelTest {

    private static final HfTextClassificationModel.SessionSettings SETTINGS =
            new HfTextClassificationModel.SessionSettings(1, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void bothLayoutsMatchTheReferenceIncludingTruncationAndPadding() throws Exception {
        for (TinyModels.Spec spec : List.of(TinyModels.ROBERTA_LIKE, TinyModels.BERT_LIKE)) {
            TinyModels tiny = new TinyModels(spec);
            Path folder = tiny.write(dir.resolve(spec.modelType()));
            try (HfTextClassificationModel model = HfTextClassificationModel.load(
                    new ModelFolder("t", "1", folder), SETTINGS)) {
                assertEquals(spec.labels(), model.labels());
                assertEquals(spec.maxLength(), model.maxLength());
                assertEquals(spec.tokenTypes() ? List.of("input_ids", "attention_mask", "token_type_ids")
                        : List.of("input_ids", "attention_mask"), model.inputNames());
                String longText = "I am so happy today , the weather is great and I love this movie what a day !";
                List<String> texts = List.of("I hate this", longText, "sad", "the weather is terrible .",
                        "unknown words here");
                float[][] logits = model.logits(texts);
                for (int i = 0; i < texts.size(); i++) {
                    double[] expected = tiny.probabilities(texts.get(i));
                    double[] actual = HfTextClassificationModel.softmax(logits[i]);
                    for (int l = 0; l < expected.length; l++) {
                        assertEquals(expected[l], actual[l], 1e-5, spec.modelType() + " text " + i + " label " + l);
                    }
                }
                // Truncation: the long text scores like its first maxLength - 2 words.
                assertTrue(tiny.ids(longText).size() == spec.maxLength());
                String[] words = longText.split(" ");
                String prefix = String.join(" ", List.of(words).subList(0, spec.maxLength() - 2));
                double[] cut = HfTextClassificationModel.softmax(model.logits(List.of(prefix))[0]);
                double[] whole = HfTextClassificationModel.softmax(logits[1]);
                for (int l = 0; l < cut.length; l++) {
                    assertEquals(cut[l], whole[l], 1e-6);
                }
                // Padding invariance: alone vs. next to the long text.
                double[] alone = HfTextClassificationModel.softmax(model.logits(List.of("sad"))[0]);
                for (int l = 0; l < alone.length; l++) {
                    assertEquals(alone[l], HfTextClassificationModel.softmax(logits[2])[l], 1e-6);
                }
            }
        }
    }

    @Test
    void maxLengthRules() throws IOException {
        assertEquals(6, HfTextClassificationModel.maxLength(JSON.readTree("{\"max_position_embeddings\": 512}"),
                JSON.readTree("{\"model_max_length\": 6}")));
        // HF writes 1e30 when the tokenizer has no limit: not sane, so the positions decide.
        assertEquals(512, HfTextClassificationModel.maxLength(JSON.readTree(
                "{\"max_position_embeddings\": 512, \"model_type\": \"bert\"}"),
                JSON.readTree("{\"model_max_length\": 1000000000000000019884624838656}")));
        assertEquals(512, HfTextClassificationModel.maxLength(JSON.readTree(
                "{\"max_position_embeddings\": 514, \"model_type\": \"roberta\"}"), null));
        assertEquals(512, HfTextClassificationModel.maxLength(JSON.readTree(
                "{\"max_position_embeddings\": 514, \"model_type\": \"xlm-roberta\"}"), null));
        assertEquals(512, HfTextClassificationModel.maxLength(JSON.readTree("{}"), null));
    }

    @Test
    void aFolderWithoutTokenizerOrLabelsIsRefused() throws IOException {
        Path folder = new TinyModels(TinyModels.ROBERTA_LIKE).write(dir.resolve("broken"));
        Files.writeString(folder.resolve("config.json"), "{\"id2label\": {\"0\": \"a\", \"2\": \"c\"}}");
        IOException gap = assertThrows(IOException.class, () -> HfTextClassificationModel.describe(folder));
        assertTrue(gap.getMessage().contains("indices"), gap.getMessage());
        Files.delete(folder.resolve("tokenizer.json"));
        IOException missing = assertThrows(IOException.class, () -> HfTextClassificationModel.describe(folder));
        assertTrue(missing.getMessage().contains("tokenizer.json"), missing.getMessage());
    }

    @Test
    void sessionThreadsStopSpinningWhenARunReturns() throws Exception {
        try (var options = HfTextClassificationModel.sessionOptions(
                new HfTextClassificationModel.SessionSettings(2, 1))) {
            assertEquals("1", options.getConfigEntries().get("session.force_spinning_stop"));
        }
    }
}
