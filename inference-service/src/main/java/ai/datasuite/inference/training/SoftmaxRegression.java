package ai.datasuite.inference.training;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Multinomial logistic regression over a dense block and a sparse block of features, trained full-batch with
 * L-BFGS in plain single-threaded Java (double precision, fixed iteration order: the same data gives the same bytes).
 * Loss: weighted mean cross-entropy plus {@code l2 / 2 * |W|^2} (the intercepts are not penalised).
 */
public final class SoftmaxRegression {

    /** Training data: {@code dense[i]} (length {@code denseDim}) and {@code sparse[i]} (indexes below {@code sparseDim}). */
    public record Data(float[][] dense, TokenFeatures.Sparse[] sparse, int denseDim, int sparseDim, int[] labels) {
        int rows() {
            return labels.length;
        }

        int dim() {
            return denseDim + sparseDim;
        }
    }

    /** Weights {@code w[k]} over the concatenated features (dense first) and intercepts {@code b[k]}. */
    public record Model(float[][] w, float[] b) {

        public double[] logits(float[] dense, TokenFeatures.Sparse sparse) {
            int k = b.length;
            double[] z = new double[k];
            for (int c = 0; c < k; c++) {
                float[] wc = w[c];
                double s = b[c];
                for (int j = 0; j < dense.length; j++) {
                    s += (double) wc[j] * dense[j];
                }
                int off = dense.length;
                for (int i = 0; i < sparse.index().length; i++) {
                    s += (double) wc[off + sparse.index()[i]] * sparse.value()[i];
                }
                z[c] = s;
            }
            return z;
        }
    }

    private final double l2;
    private final int maxIterations;
    private final double[] classWeight;

    /** {@code classWeight} may be null (all 1). */
    public SoftmaxRegression(double l2, int maxIterations, double[] classWeight) {
        this.l2 = l2;
        this.maxIterations = maxIterations;
        this.classWeight = classWeight;
    }

    /** Class weights {@code (n / (k * count_c))^power}: 0 gives none, 1 gives "balanced". */
    public static double[] balancedWeights(int[] labels, int k, double power) {
        double[] count = new double[k];
        for (int y : labels) {
            count[y]++;
        }
        double[] w = new double[k];
        for (int c = 0; c < k; c++) {
            w[c] = count[c] == 0 ? 1 : Math.pow(labels.length / (k * count[c]), power);
        }
        return w;
    }

    public Model train(Data data, int k, Consumer<String> log) {
        int d = data.dim();
        int p = k * (d + 1);
        double[] x = new double[p];
        double[] g = new double[p];
        double f = evaluate(data, k, x, g);
        int m = 10;
        Deque<double[]> ss = new ArrayDeque<>();
        Deque<double[]> ys = new ArrayDeque<>();
        Deque<Double> rhos = new ArrayDeque<>();
        double[] gNew = new double[p];
        double[] xNew = new double[p];
        for (int iter = 1; iter <= maxIterations; iter++) {
            double[] dir = direction(g, ss, ys, rhos);
            double gd = dot(g, dir);
            if (gd >= 0) {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                ss.clear();
                ys.clear();
                rhos.clear();
                for (int i = 0; i < p; i++) {
                    dir[i] = -g[i];
                }
                gd = dot(g, dir);
            }
            double t = ss.isEmpty() ? 1.0 / Math.max(1.0, Math.sqrt(-gd)) : 1.0;
            double fNew;
            int backtracks = 0;
            while (true) {
                for (int i = 0; i < p; i++) {
                    xNew[i] = x[i] + t * dir[i];
                }
                fNew = evaluate(data, k, xNew, gNew);
                if (fNew <= f + 1e-4 * t * gd || backtracks++ > 30) {
                    break;
                }
                t *= 0.5;
            }
            double[] s = new double[p];
            double[] y = new double[p];
            for (int i = 0; i < p; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12) {
                ss.addLast(s);
                ys.addLast(y);
                rhos.addLast(1 / sy);
                if (ss.size() > m) {
                    ss.removeFirst();
                    ys.removeFirst();
                    rhos.removeFirst();
                }
            }
            double change = f - fNew;
            System.arraycopy(xNew, 0, x, 0, p);
            System.arraycopy(gNew, 0, g, 0, p);
            f = fNew;
            if (log != null && iter % 25 == 0) {
                log.accept(String.format(java.util.Locale.ROOT, "iteration %d: loss %.6f", iter, f));
            }
            if (Math.abs(change) < 1e-9 * Math.max(1, Math.abs(f))) {
                break;
            }
        }
        float[][] w = new float[k][d];
        float[] b = new float[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                w[c][j] = (float) x[c * d + j];
            }
            b[c] = (float) x[k * d + c];
        }
        return new Model(w, b);
    }

    private static double[] direction(double[] g, Deque<double[]> ss, Deque<double[]> ys, Deque<Double> rhos) {
        int p = g.length;
        double[] q = g.clone();
        int m = ss.size();
        double[] alpha = new double[m];
        double[][] sArr = ss.toArray(new double[0][]);
        double[][] yArr = ys.toArray(new double[0][]);
        Double[] rArr = rhos.toArray(new Double[0]);
        for (int i = m - 1; i >= 0; i--) {
            alpha[i] = rArr[i] * dot(sArr[i], q);
            axpy(-alpha[i], yArr[i], q);
        }
        if (m > 0) {
            double gamma = dot(sArr[m - 1], yArr[m - 1]) / dot(yArr[m - 1], yArr[m - 1]);
            for (int i = 0; i < p; i++) {
                q[i] *= gamma;
            }
        }
        for (int i = 0; i < m; i++) {
            double beta = rArr[i] * dot(yArr[i], q);
            axpy(alpha[i] - beta, sArr[i], q);
        }
        for (int i = 0; i < p; i++) {
            q[i] = -q[i];
        }
        return q;
    }

    /** Loss at {@code x}; writes the gradient into {@code grad}. */
    private double evaluate(Data data, int k, double[] x, double[] grad) {
        int d = data.dim();
        int dd = data.denseDim();
        java.util.Arrays.fill(grad, 0);
        double totalWeight = 0;
        for (int i = 0; i < data.rows(); i++) {
            totalWeight += classWeight == null ? 1 : classWeight[data.labels()[i]];
        }
        double loss = 0;
        double[] z = new double[k];
        for (int i = 0; i < data.rows(); i++) {
            float[] dense = data.dense()[i];
            TokenFeatures.Sparse sp = data.sparse()[i];
            int[] idx = sp.index();
            float[] val = sp.value();
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                int base = c * d;
                double s = x[k * d + c];
                for (int j = 0; j < dd; j++) {
                    s += x[base + j] * dense[j];
                }
                for (int j = 0; j < idx.length; j++) {
                    s += x[base + dd + idx[j]] * val[j];
                }
                z[c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            int y = data.labels()[i];
            double wi = (classWeight == null ? 1 : classWeight[y]) / totalWeight;
            loss -= wi * Math.log(z[y] / sum);
            for (int c = 0; c < k; c++) {
                double r = wi * (z[c] / sum - (c == y ? 1 : 0));
                int base = c * d;
                for (int j = 0; j < dd; j++) {
                    grad[base + j] += r * dense[j];
                }
                for (int j = 0; j < idx.length; j++) {
                    grad[base + dd + idx[j]] += r * val[j];
                }
                grad[k * d + c] += r;
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double wv = x[c * d + j];
                loss += 0.5 * l2 * wv * wv;
                grad[c * d + j] += l2 * wv;
            }
        }
        return loss;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
