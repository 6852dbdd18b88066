package ai.datasuite.inference.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import ai.datasuite.inference.EmotionLabels;

/**
 * Trains an {@link EmotionHead} from e5 embeddings and token ids: standardise the embeddings (scaled so their norm is
 * about that of the L2-normalised TF-IDF row), fit the n-gram pool, train one logistic regression per fold of a
 * deterministic k-fold split (by a hash of the row id), average the fold models into one linear layer (an ensemble
 * of linear models is a linear model), and tune per-class decision biases for macro-F1 on the out-of-fold logits.
 */
final class HeadTrainer {

    /** The knobs; {@link #DEFAULT} is what the committed head was built with. */
    public record Options(int folds, double l2, int maxIterations, int minDf, int maxFeatures, double classWeightPower,
            double embeddingScale, boolean tuneBiases) {

        public static final Options DEFAULT = new Options(5, 3e-5, 300, 2, 20000, 0.5, 1.0, true);

        public Options withFolds(int f) {
            return new Options(f, l2, maxIterations, minDf, maxFeatures, classWeightPower, embeddingScale, tuneBiases);
        }

        public Options withMaxIterations(int it) {
            return new Options(folds, l2, it, minDf, maxFeatures, classWeightPower, embeddingScale, tuneBiases);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "folds=%d l2=%g iterations<=%d min_df=%d max_features=%d class_weight_power=%.2f "
                    + "embedding_scale=%.2f tune_biases=%s", folds, l2, maxIterations, minDf, maxFeatures, classWeightPower,
                    embeddingScale, tuneBiases);
        }
    }

    /** One training row: an id (for the fold split), its token ids, its embedding and its label index. */
    public record Example(String id, long[] ids, float[] embedding, int label) {
    }

    private final Options options;

    public HeadTrainer(Options options) {
        this.options = options;
    }

    public EmotionHead train(List<Example> examples, Consumer<String> log) {
        int k = EmotionLabels.count();
        int n = examples.size();
        int dim = E5Encoder.DIM;
        float[] mean = new float[dim];
        float[] scale = new float[dim];
        double[] sum = new double[dim];
        double[] sq = new double[dim];
        for (Example e : examples) {
            for (int d = 0; d < dim; d++) {
                sum[d] += e.embedding()[d];
            }
        }
        for (int d = 0; d < dim; d++) {
            mean[d] = (float) (sum[d] / n);
        }
        for (Example e : examples) {
            for (int d = 0; d < dim; d++) {
                double c = e.embedding()[d] - mean[d];
                sq[d] += c * c;
            }
        }
        double rowScale = options.embeddingScale() / Math.sqrt(dim);
        for (int d = 0; d < dim; d++) {
            scale[d] = (float) (rowScale / (Math.sqrt(sq[d] / n) + 1e-6));
        }
        TokenFeatures features = TokenFeatures.fit(examples.stream().map(Example::ids).toList(), options.minDf(), options.maxFeatures());
        EmotionHead shape = new EmotionHead("", features.ngrams(), features.idf(), mean, scale, new float[0][], new float[0], new float[0]);
        float[][] dense = new float[n][];
        TokenFeatures.Sparse[] sparse = new TokenFeatures.Sparse[n];
        int[] labels = new int[n];
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i);
            dense[i] = shape.dense(e.embedding());
            sparse[i] = features.transform(e.ids());
            labels[i] = e.label();
            fold[i] = options.folds() <= 1 ? -1 : Math.floorMod(e.id().hashCode(), options.folds());
        }
        int folds = Math.max(1, options.folds());
        int d = dim + features.size();
        double[][] wSum = new double[k][d];
        double[] bSum = new double[k];
        double[][] oof = new double[n][];
        for (int f = 0; f < folds; f++) {
            List<Integer> fit = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    fit.add(i);
                }
            }
            SoftmaxRegression.Data data = new SoftmaxRegression.Data(fit.stream().map(i -> dense[i]).toArray(float[][]::new),
                    fit.stream().map(i -> sparse[i]).toArray(TokenFeatures.Sparse[]::new), dim, features.size(),
                    fit.stream().mapToInt(i -> labels[i]).toArray());
            double[] weights = options.classWeightPower() == 0 ? null
                    : SoftmaxRegression.balancedWeights(data.labels(), k, options.classWeightPower());
            long started = System.nanoTime();
            SoftmaxRegression.Model m = new SoftmaxRegression(options.l2(), options.maxIterations(), weights).train(data, k, null);
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    wSum[c][j] += m.w()[c][j];
                }
                bSum[c] += m.b()[c];
            }
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    oof[i] = m.logits(dense[i], sparse[i]);
                }
            }
            if (log != null) {
                log.accept(String.format(Locale.ROOT, "fold %d/%d trained on %d rows in %.1f s", f + 1, folds, fit.size(),
                        (System.nanoTime() - started) / 1e9));
            }
        }
        float[][] w = new float[k][d];
        float[] b = new float[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                w[c][j] = (float) (wSum[c][j] / folds);
            }
            b[c] = (float) (bSum[c] / folds);
        }
        float[] thresholds = new float[k];
        if (options.tuneBiases() && folds > 1) {
            thresholds = BiasTuning.tune(oof, labels, k);
            if (log != null) {
                log.accept(String.format(Locale.ROOT, "out-of-fold macro-F1 %.4f -> %.4f with biases %s",
                        Metrics.macroF1(labels, BiasTuning.argmax(oof, new double[k])),
                        Metrics.macroF1(labels, BiasTuning.argmax(oof, toDouble(thresholds))), java.util.Arrays.toString(thresholds)));
            }
        }
        String description = "emotion head: e5-small-v2-q mean pooling + token uni/bigram TF-IDF (" + features.size()
                + " n-grams), linear layer; " + options + "; trained on " + n + " rows";
        return new EmotionHead(description, features.ngrams(), features.idf(), mean, scale, w, b, thresholds);
    }

    static double[] toDouble(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
