package ai.datasuite.inference.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

/** ONNX's TfIdfVectorizer branch of the graph gives exactly the Java TF-IDF rows, padding included. */
class TfIdfBranchTest {

    @Test
    void graphBranchMatchesJavaFeatures() throws Exception {
        List<String> texts = List.of("I love it, I love it so much!", "so so so sad", "what a what a day",
                "[NAME] said nothing.", "", "Zyzzyva quokka");
        List<long[]> ids;
        try (E5Encoder encoder = new E5Encoder(1)) {
            ids = encoder.tokenize(texts);
        }
        // A pool fitted on the texts themselves, with unigrams and bigrams that repeat within a text.
        TokenFeatures fitted = TokenFeatures.fit(ids, 1, 1000);
        assertTrue(fitted.size() > fitted.unigramCount() && fitted.unigramCount() > 0);
        EmotionHead head = new EmotionHead("test", fitted.ngrams(), fitted.idf(), new float[0], new float[0], new float[0][],
                new float[0], new float[0]);
        int len = ids.stream().mapToInt(a -> a.length).max().orElseThrow() + 3;
        long[] flat = new long[texts.size() * len];
        for (int i = 0; i < ids.size(); i++) {
            System.arraycopy(ids.get(i), 0, flat, i * len, ids.get(i).length);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] graph;
        try (OrtSession session = env.createSession(EmotionGraphBuilder.tfIdfGraph(head), new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(flat), new long[] {texts.size(), len});
                OrtSession.Result r = session.run(Map.of("input_ids", input))) {
            graph = (float[][]) r.get(0).getValue();
        }
        for (int i = 0; i < texts.size(); i++) {
            TokenFeatures.Sparse sparse = fitted.transform(ids.get(i));
            float[] java = new float[fitted.size()];
            for (int j = 0; j < sparse.index().length; j++) {
                java[sparse.index()[j]] = sparse.value()[j];
            }
            float[] counts = fitted.counts(ids.get(i));
            for (int f = 0; f < java.length; f++) {
                assertEquals(java[f], graph[i][f], 1e-5, "text " + i + " feature " + f + " (count " + counts[f] + ")");
            }
        }
        // The repeated bigram "so so" is counted twice, as the operator does.
        long so = ids.get(1)[3];
        int soso = -1;
        for (int f = 0; f < fitted.size(); f++) {
            if (fitted.ngrams()[f].length == 2 && fitted.ngrams()[f][0] == so && fitted.ngrams()[f][1] == so) {
                soso = f;
            }
        }
        assertTrue(soso >= 0);
        assertEquals(2f, fitted.counts(ids.get(1))[soso]);
    }
}
