package ai.datasuite.inference.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.datasuite.inference.config.ClassifyConfig;

/**
 * Zero-shot classification: each label is one or more {@code passage: } texts (its descriptions, else its name), each
 * text a {@code query: }; a label's similarity is the best cosine between the text and any of its passages (several
 * short descriptions, one typical item each, match a specific product far better than one long list), and a
 * temperature softmax over the labels' similarities gives the scores.
 */
@ApplicationScoped
public class ZeroShotClassifier {

    public static final String MODE = "zero-shot";

    private final TextEmbedder embedder;
    private final double temperature;

    @Inject
    public ZeroShotClassifier(TextEmbedder embedder, ClassifyConfig config) {
        this(embedder, config.zeroShotTemperature());
    }

    public ZeroShotClassifier(TextEmbedder embedder, double temperature) {
        this.embedder = embedder;
        this.temperature = temperature;
    }

    /** {@code descriptions}: per label its passages (a label without any is described by its name). */
    public ClassifyResponse classify(List<String> texts, List<String> labels, Map<String, List<String>> descriptions,
                                     int topK) {
        double[][] similarity = similarities(texts, labels, descriptions);
        double[][] probabilities = new double[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            probabilities[i] = ClassifyResponse.softmax(similarity[i], temperature);
        }
        return new ClassifyResponse(MODE, TextEmbedder.MODEL, modelVersion(labels, descriptions),
                ClassifyResponse.rank(labels, probabilities, topK));
    }

    /** Per text, per label: the best cosine similarity between the text and the label's passages. */
    public double[][] similarities(List<String> texts, List<String> labels, Map<String, List<String>> descriptions) {
        List<String> passages = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int l = 0; l < labels.size(); l++) {
            for (String p : passagesOf(labels.get(l), descriptions)) {
                passages.add(p);
                owners.add(l);
            }
        }
        int[] owner = owners.stream().mapToInt(Integer::intValue).toArray();
        float[][] labelVectors = embedder.passages(passages);
        float[][] textVectors = embedder.queries(texts);
        double[][] out = new double[texts.size()][labels.size()];
        for (int i = 0; i < texts.size(); i++) {
            java.util.Arrays.fill(out[i], Double.NEGATIVE_INFINITY);
            for (int p = 0; p < labelVectors.length; p++) {
                out[i][owner[p]] = Math.max(out[i][owner[p]], dot(textVectors[i], labelVectors[p]));
            }
        }
        return out;
    }

    private static List<String> passagesOf(String label, Map<String, List<String>> descriptions) {
        List<String> d = descriptions == null ? null : descriptions.get(label);
        return d == null || d.isEmpty() ? List.of(label) : d;
    }

    /** {@code e5-small-v2-q/zero-shot@} and 8 hex of a hash of the labels and their descriptions, in order. */
    public static String modelVersion(List<String> labels, Map<String, List<String>> descriptions) {
        MessageDigest md = TextEmbedder.sha256();
        for (String label : labels) {
            md.update(label.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 1);
            for (String p : passagesOf(label, descriptions)) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            md.update((byte) 2);
        }
        return TextEmbedder.MODEL_ID + "/" + MODE + "@" + HexFormat.of().formatHex(md.digest()).substring(0, 8);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
