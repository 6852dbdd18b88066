package ai.datasuite.inference.classify;

import java.util.List;

import ai.datasuite.inference.serving.LabelScore;

/**
 * Answer of both classify endpoints: one result per text, in order. {@code model_version} changes whenever the
 * labels, descriptions or examples change, so stored predictions say what produced them.
 */
public record ClassifyResponse(String mode, String model, String modelVersion, List<Result> results) {

    /** The best label, its score (0..1) and the top-k labels best first. */
    public record Result(String label, double score, List<LabelScore> ranked) {
    }

    /** Results from per-text probabilities over {@code labels}. */
    static List<Result> rank(List<String> labels, double[][] probabilities, int topK) {
        int k = Math.min(topK, labels.size());
        List<Result> out = new java.util.ArrayList<>(probabilities.length);
        for (double[] p : probabilities) {
            Integer[] order = new Integer[p.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // Best first; equal scores keep the labels' order so the answer is deterministic.
            java.util.Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
            List<LabelScore> ranked = new java.util.ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                ranked.add(new LabelScore(labels.get(order[i]), round(p[order[i]])));
            }
            out.add(new Result(ranked.get(0).label(), ranked.get(0).score(), ranked));
        }
        return out;
    }

    /** Softmax of {@code z / temperature}. */
    static double[] softmax(double[] z, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp((z[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
