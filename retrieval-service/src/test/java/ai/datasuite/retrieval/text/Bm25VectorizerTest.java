package ai.datasuite.retrieval.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.datasuite.vectorindex.SparseVector;

class Bm25VectorizerTest {

    private static final TextAnalyzer WORDS = new TextAnalyzer(true, Set.of(), 1, 1);
    private static final List<String> DOCS = List.of(
            "the cat sat on the mat",
            "the dog chased the cat around the cat tree",
            "a bird");

    @Test
    void weightsFollowLuceneBm25() {
        Bm25Vectorizer bm25 = Bm25Vectorizer.fit(DOCS, WORDS, 1.2, 0.75);
        // Terms sorted; "a" is a one-letter token, dropped by the token pattern.
        assertArrayEquals(new String[] {"around", "bird", "cat", "chased", "dog", "mat", "on", "sat", "the", "tree"},
                bm25.terms());
        // Lengths 6, 9 and 1 terms.
        assertEquals((6 + 9 + 1) / 3.0, bm25.averageLength(), 1e-12);
        double idfCat = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
        assertEquals(idfCat, bm25.idf()[2], 1e-12);

        SparseVector doc = bm25.document(DOCS.get(1));
        double norm = 1.2 * (1 - 0.75 + 0.75 * 9 / bm25.averageLength());
        int cat = indexOf(doc, 2);
        assertEquals(idfCat * 2 / (2 + norm), doc.values()[cat], 1e-6);
        int the = indexOf(doc, 8);
        double idfThe = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
        assertEquals(idfThe * 3 / (3 + norm), doc.values()[the], 1e-6);

        SparseVector query = bm25.query("Cat cat unknown");
        assertArrayEquals(new int[] {2}, query.indices());
        assertArrayEquals(new float[] {2f}, query.values());
    }

    @Test
    void lengthNormalisationOnlyWithB() {
        List<String> docs = List.of("apple pie", "apple pie with lots of other words in here", "banana bread");
        Bm25Vectorizer withB = Bm25Vectorizer.fit(docs, WORDS, 1.2, 0.75);
        assertTrue(withB.document(docs.get(0)).values()[0] > withB.document(docs.get(1)).values()[0],
                "the shorter document weighs 'apple' more");
        Bm25Vectorizer noB = Bm25Vectorizer.fit(docs, WORDS, 1.2, 0.0);
        assertEquals(noB.document(docs.get(0)).values()[0], noB.document(docs.get(1)).values()[0], 1e-7);
        // k1 = 0: term frequency saturates at once, the weight is the idf.
        Bm25Vectorizer binary = Bm25Vectorizer.fit(docs, WORDS, 0.0, 0.75);
        assertEquals(binary.idf()[0], binary.document("apple apple apple").values()[0], 1e-6);
    }

    private static int indexOf(SparseVector v, int term) {
        for (int i = 0; i < v.indices().length; i++) {
            if (v.indices()[i] == term) {
                return i;
            }
        }
        throw new AssertionError("term " + term + " not in vector");
    }
}
