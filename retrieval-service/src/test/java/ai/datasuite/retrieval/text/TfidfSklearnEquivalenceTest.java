package ai.datasuite.retrieval.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.retrieval.model.TfidfModelType;

/**
 * Our TF-IDF against scikit-learn 1.2.1's {@code TfidfVectorizer}: per parameter set, the vocabulary in index order,
 * the idf and the transformed rows of documents and queries, from {@code sklearn/tfidf_fixture.json} written by
 * {@code sklearn/make_fixture.py} (60 SQuAD contexts plus strings with accents, combining marks, digits, CJK,
 * supplementary letters and stop words).
 */
class TfidfSklearnEquivalenceTest {

    private static final double TOLERANCE = 1e-6;
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        JsonNode fixture = fixture();
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : fixture.get("cases")) {
            cases.add(Arguments.of(c.get("name").asText(), c, fixture));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameVocabularyIdfAndVectorsAsScikitLearn(String name, JsonNode expected, JsonNode fixture) {
        @SuppressWarnings("unchecked")
        Map<String, Object> params = JSON.convertValue(expected.get("params"), Map.class);
        Map<String, Object> validated = new TfidfModelType().validate(params);
        List<String> corpus = strings(fixture.get("corpus"));
        TfidfVectorizer vectorizer = TfidfVectorizer.fit(corpus, TfidfModelType.settings(validated));

        assertEquals(strings(expected.get("vocabulary")), List.of(vectorizer.terms()), name + ": vocabulary");
        if (!expected.get("idf").isNull()) {
            assertArrayEquals(doubles(expected.get("idf")), vectorizer.idf(), TOLERANCE, name + ": idf");
        }
        expected.get("documents").fields().forEachRemaining(doc -> assertRow(
                doc.getValue(), vectorizer.transform(corpus.get(Integer.parseInt(doc.getKey()))),
                name + ": document " + doc.getKey()));
        List<String> queries = strings(fixture.get("queries"));
        for (int i = 0; i < queries.size(); i++) {
            assertRow(expected.get("queries").get(i), vectorizer.transform(queries.get(i)), name + ": query " + i);
        }
    }

    /** max_features keeps the first indices of NumPy's unstable argsort, so ties must fall exactly where NumPy puts them. */
    @org.junit.jupiter.api.Test
    void argsortOrdersTiesLikeNumpy() throws IOException {
        for (JsonNode c : fixture().get("argsort")) {
            assertArrayEquals(ints(c.get("order")), NumpyArgsort.argsort(doubles(c.get("values"))),
                    c.get("values").size() + " values");
        }
    }

    private static void assertRow(JsonNode expected, TfidfVectorizer.Weights actual, String what) {
        assertArrayEquals(ints(expected.get("indices")), actual.indices(), what + ": indices");
        assertArrayEquals(doubles(expected.get("values")), actual.values(), TOLERANCE, what + ": values");
        // The stored float form stays within the tolerance too.
        float[] stored = actual.toSparse().values();
        double[] widened = new double[stored.length];
        for (int i = 0; i < stored.length; i++) {
            widened[i] = stored[i];
        }
        assertArrayEquals(doubles(expected.get("values")), widened, TOLERANCE, what + ": float values");
    }

    static JsonNode fixture() throws IOException {
        try (InputStream in = TfidfSklearnEquivalenceTest.class.getResourceAsStream("/sklearn/tfidf_fixture.json")) {
            return JSON.readTree(in);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
