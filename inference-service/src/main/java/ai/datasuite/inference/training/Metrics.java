package ai.datasuite.inference.training;

import java.util.ArrayList;
import java.util.List;

import ai.datasuite.inference.EmotionLabels;

/** Classification metrics over the seven labels: accuracy, macro-F1 and per-label precision/recall/F1. */
record Metrics(int n, double accuracy, double macroF1, List<PerLabel> perLabel) {

    public record PerLabel(String label, double precision, double recall, double f1, int support) {
    }

    public static Metrics of(int[] truth, int[] predicted) {
        int k = EmotionLabels.count();
        int[] tp = new int[k];
        int[] fp = new int[k];
        int[] fn = new int[k];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                tp[truth[i]]++;
                correct++;
            } else {
                fp[predicted[i]]++;
                fn[truth[i]]++;
            }
        }
        List<PerLabel> per = new ArrayList<>();
        double f1Sum = 0;
        for (int c = 0; c < k; c++) {
            double p = tp[c] + fp[c] == 0 ? 0 : (double) tp[c] / (tp[c] + fp[c]);
            double r = tp[c] + fn[c] == 0 ? 0 : (double) tp[c] / (tp[c] + fn[c]);
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            f1Sum += f1;
            per.add(new PerLabel(EmotionLabels.ALL.get(c), p, r, f1, tp[c] + fn[c]));
        }
        return new Metrics(truth.length, truth.length == 0 ? 0 : (double) correct / truth.length, f1Sum / k, per);
    }

    /** Macro-F1 alone, without allocating the per-label rows (used inside threshold search). */
    static double macroF1(int[] truth, int[] predicted) {
        int k = EmotionLabels.count();
        int[] tp = new int[k];
        int[] fp = new int[k];
        int[] fn = new int[k];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                tp[truth[i]]++;
            } else {
                fp[predicted[i]]++;
                fn[truth[i]]++;
            }
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double denom = 2.0 * tp[c] + fp[c] + fn[c];
            sum += denom == 0 ? 0 : 2.0 * tp[c] / denom;
        }
        return sum / k;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "macro-F1 %.4f, accuracy %.4f (n=%d)", macroF1, accuracy, n);
    }
}
