package ai.datasuite.inference.training;


/**
 * Per-class additive logit biases (decision thresholds) chosen to maximise macro-F1 on held-out logits: coordinate
 * ascent over a fixed grid, a few rounds, first best on ties, so it is deterministic.
 */
final class BiasTuning {

    private BiasTuning() {
    }

    public static float[] tune(double[][] logits, int[] truth, int k) {
        double[] bias = new double[k];
        double best = Metrics.macroF1(truth, argmax(logits, bias));
        for (int round = 0; round < 4; round++) {
            boolean improved = false;
            for (int c = 0; c < k; c++) {
                double keep = bias[c];
                double bestValue = keep;
                for (int step = -60; step <= 60; step++) {
                    bias[c] = step * 0.05;
                    double f1 = Metrics.macroF1(truth, argmax(logits, bias));
                    if (f1 > best + 1e-9) {
                        best = f1;
                        bestValue = bias[c];
                        improved = true;
                    }
                }
                bias[c] = bestValue;
            }
            if (!improved) {
                break;
            }
        }
        float[] out = new float[k];
        for (int c = 0; c < k; c++) {
            out[c] = (float) bias[c];
        }
        return out;
    }

    static int[] argmax(double[][] logits, double[] bias) {
        int[] out = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            int arg = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < logits[i].length; c++) {
                double v = logits[i][c] + bias[c];
                if (v > max) {
                    max = v;
                    arg = c;
                }
            }
            out[i] = arg;
        }
        return out;
    }
}
