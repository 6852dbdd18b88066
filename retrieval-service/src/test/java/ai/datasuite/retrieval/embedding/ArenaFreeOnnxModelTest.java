package ai.datasuite.retrieval.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;

/**
 * The arena-free sessions give exactly the vectors of LangChain4j's own model classes (same file, tokenizer, pooling),
 * for a lone text on the default session and for a batch on the one-thread batch session.
 */
class ArenaFreeOnnxModelTest {

    private static final List<String> TEXTS = List.of(
            "query: Which NFL team represented the AFC at Super Bowl 50?",
            "passage: The Denver Broncos defeated the Carolina Panthers 24-10 to earn their third Super Bowl title.",
            "a", "Ünïcödé, emoji 🙂 and a rather long sentence ".repeat(40));

    @Test
    void e5GivesTheVectorsOfLangChain4jsModel() {
        sameVectors(new E5SmallV2QuantizedEmbeddingModel(),
                new ArenaFreeOnnxModel("e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json", 384));
    }

    @Test
    void miniLmGivesTheVectorsOfLangChain4jsModel() {
        sameVectors(new AllMiniLmL6V2EmbeddingModel(),
                new ArenaFreeOnnxModel("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", 384));
    }

    private static void sameVectors(EmbeddingModel reference, ArenaFreeOnnxModel arenaFree) {
        assertEquals(reference.dimension(), arenaFree.dimension());
        for (String text : TEXTS) {
            assertArrayEquals(reference.embed(text).content().vector(), arenaFree.embed(text).content().vector(),
                    text.substring(0, Math.min(20, text.length())));
        }
        assertFalse(arenaFree.hasBatchSession(), "lone texts must not load the batch session");
        // A batch goes through LangChain4j's parallel path on the one-thread session: the same vectors, in order.
        List<TextSegment> batch = TEXTS.stream().map(TextSegment::from).toList();
        var expected = reference.embedAll(batch).content();
        var actual = arenaFree.embedAll(batch).content();
        for (int i = 0; i < TEXTS.size(); i++) {
            assertArrayEquals(expected.get(i).vector(), actual.get(i).vector());
        }
        assertTrue(arenaFree.hasBatchSession());
    }
}
