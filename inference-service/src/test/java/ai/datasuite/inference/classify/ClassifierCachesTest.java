package ai.datasuite.inference.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The caches the contract promises: embeddings by the prefixed text's hash (a text sent again is not embedded again;
 * e5's query and passage prefixes give different vectors), few-shot heads by the examples' hash (LRU, bounded).
 */
class ClassifierCachesTest {

    private static TextEmbedder embedder;

    @BeforeAll
    static void encoder() {
        embedder = new TextEmbedder(Runtime.getRuntime().availableProcessors(), 8, 100);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void embeddingsAreCachedByPrefixedText() {
        float[][] first = embedder.queries(List.of("a red wool scarf", "a steel hammer", "a red wool scarf"));
        assertSame(first[0], first[2], "a text twice in one request is embedded once");
        float[][] again = embedder.queries(List.of("a steel hammer"));
        assertSame(first[1], again[0], "a text sent again comes from the cache");
        float[] passage = embedder.passages(List.of("a steel hammer"))[0];
        assertNotEquals(ZeroShotClassifier.dot(first[1], passage), 1.0, 1e-4);
        assertEquals(1.0, ZeroShotClassifier.dot(passage, passage), 1e-5, "vectors are normalized");
    }

    @Test
    void fewShotHeadsAreCachedByExamplesAndBounded() {
        FewShotClassifier classifier = new FewShotClassifier(embedder, 2);
        List<FewShotRequest.Example> a = List.of(new FewShotRequest.Example("wool scarf", "apparel"),
                new FewShotRequest.Example("steel hammer", "tools"));
        List<FewShotRequest.Example> b = List.of(new FewShotRequest.Example("cotton shirt", "apparel"),
                new FewShotRequest.Example("cordless drill", "tools"));
        List<FewShotRequest.Example> c = List.of(new FewShotRequest.Example("cotton shirt", "apparel"),
                new FewShotRequest.Example("cordless drill", "power tools"));
        ClassifyResponse first = classifier.classify(List.of("a knitted hat"), a, 2);
        ClassifyResponse second = classifier.classify(List.of("a hand saw"), a, 2);
        assertEquals(1, classifier.cachedHeads(), "the same examples reuse their head");
        assertEquals(first.modelVersion(), second.modelVersion());
        assertSame(classifier.head(FewShotClassifier.examplesHash(a), a), classifier.head(FewShotClassifier.examplesHash(a), a));
        String versionB = classifier.classify(List.of("a hand saw"), b, 2).modelVersion();
        String versionC = classifier.classify(List.of("a hand saw"), c, 2).modelVersion();
        assertEquals(2, classifier.cachedHeads(), "the least recently used head is dropped");
        assertEquals(3, List.of(first.modelVersion(), versionB, versionC).stream().distinct().count());
        assertArrayEquals(new Object[] {"apparel", "power tools"},
                classifier.head(FewShotClassifier.examplesHash(c), c).labels().toArray(), "labels in order of first use");
    }
}
