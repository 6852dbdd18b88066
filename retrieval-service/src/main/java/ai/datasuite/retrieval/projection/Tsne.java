package ai.datasuite.retrieval.projection;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * t-SNE (van der Maaten and Hinton, 2008) to two dimensions, the project's own code (Smile is GPL). Input affinities
 * come from each point's {@code 3 x perplexity} nearest neighbours (as in Barnes-Hut-SNE), so the attractive forces
 * are sparse; the repulsive forces are exact (O(n²) per iteration) up to {@value #EXACT_MAX_POINTS} points and
 * Barnes-Hut approximations ({@link QuadTree}, theta 0.5, O(n log n)) above, rows in parallel. Optimisation as scikit-learn: early
 * exaggeration 12 for 250 iterations with momentum 0.5, then momentum 0.8; learning rate max(n / 48, 50); gains.
 * Initialisation by PCA (scaled to a standard deviation of 1e-4), or seeded Gaussian noise when PCA cannot apply.
 * Deterministic: the same input and seed give the same output (each row is computed on its own; sums are ordered).
 */
public final class Tsne {

    private static final int EXAGGERATION_ITERATIONS = 250;
    private static final float EXAGGERATION = 12f;
    private static final float MIN_GAIN = 0.01f;
    /** Up to this many points the repulsive forces are exact; above, Barnes-Hut with {@link #THETA}. */
    static final int EXACT_MAX_POINTS = 600;
    static final float THETA = 0.5f;

    private Tsne() {
    }

    /**
     * Projects {@code x} (n rows of equal length) to n rows of two coordinates.
     *
     * @param perplexity wanted effective number of neighbours; lowered to (n - 1) / 3 for small inputs
     * @param iterations gradient steps (at least the 250 of early exaggeration are run)
     * @param seed       seeds the random initialisation used when PCA cannot apply
     */
    public static double[][] project(float[][] x, double perplexity, int iterations, long seed) {
        int n = x.length;
        if (n == 0) {
            return new double[0][];
        }
        if (n < 4) {
            // Too few points for neighbourhoods: a line in input order.
            double[][] line = new double[n][];
            for (int i = 0; i < n; i++) {
                line[i] = new double[] {i - (n - 1) / 2.0, 0};
            }
            return line;
        }
        double perp = Math.max(1.0, Math.min(perplexity, (n - 1) / 3.0));
        SparseP p = affinities(x, perp);
        float[] y = initial(x, seed);
        optimise(p, y, n, Math.max(iterations, EXAGGERATION_ITERATIONS + 1));
        double[][] out = new double[n][];
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            out[i] = new double[] {y[2 * i] - mx, y[2 * i + 1] - my};
        }
        return out;
    }

    /** Symmetric joint probabilities in compressed rows. */
    record SparseP(int[] rowStart, int[] cols, float[] values) {
    }

    static SparseP affinities(float[][] x, double perplexity) {
        int n = x.length;
        int k = Math.min(n - 1, (int) (3 * perplexity) + 1);
        int[][] neighbours = new int[n][];
        double[][] conditional = new double[n][];
        // Squared distances once per pair (the upper triangle, rows in parallel), then mirrored.
        float[][] dist2 = new float[n][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = i + 1; j < n; j++) {
                dist2[i][j] = (float) squaredDistance(x[i], x[j]);
            }
        });
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                dist2[j][i] = dist2[i][j];
            }
        }
        IntStream.range(0, n).parallel().forEach(i -> {
            // Sort (distance, index) packed in longs: a non-negative float's bits order like the float.
            long[] keys = new long[n];
            for (int j = 0; j < n; j++) {
                float d = j == i ? Float.MAX_VALUE : dist2[i][j];
                keys[j] = ((long) Float.floatToIntBits(d) << 32) | j;
            }
            Arrays.sort(keys);
            int[] nb = new int[k];
            double[] dist = new double[k];
            for (int m = 0; m < k; m++) {
                nb[m] = (int) keys[m];
                dist[m] = Float.intBitsToFloat((int) (keys[m] >>> 32));
            }
            neighbours[i] = nb;
            conditional[i] = conditionalRow(dist, perplexity);
        });
        // P = (P_j|i + P_i|j) / (2n), rows sorted by column for a deterministic order.
        @SuppressWarnings("unchecked")
        TreeMap<Integer, Double>[] rows = new TreeMap[n];
        for (int i = 0; i < n; i++) {
            rows[i] = new TreeMap<>();
        }
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                int j = neighbours[i][m];
                double v = conditional[i][m] / (2.0 * n);
                rows[i].merge(j, v, Double::sum);
                rows[j].merge(i, v, Double::sum);
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + rows[i].size();
        }
        int[] cols = new int[start[n]];
        float[] values = new float[start[n]];
        for (int i = 0; i < n; i++) {
            int at = start[i];
            for (var e : rows[i].entrySet()) {
                cols[at] = e.getKey();
                values[at] = (float) e.getValue().doubleValue();
                at++;
            }
        }
        return new SparseP(start, cols, values);
    }

    /** Eight accumulators: independent additions the CPU can overlap. */
    private static double squaredDistance(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < a.length; i += 8) {
            float d0 = a[i] - b[i];
            float d1 = a[i + 1] - b[i + 1];
            float d2 = a[i + 2] - b[i + 2];
            float d3 = a[i + 3] - b[i + 3];
            float d4 = a[i + 4] - b[i + 4];
            float d5 = a[i + 5] - b[i + 5];
            float d6 = a[i + 6] - b[i + 6];
            float d7 = a[i + 7] - b[i + 7];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
            s4 += d4 * d4;
            s5 += d5 * d5;
            s6 += d6 * d6;
            s7 += d7 * d7;
        }
        for (; i < a.length; i++) {
            float d = a[i] - b[i];
            s0 += d * d;
        }
        return (double) ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** P_j|i over the neighbours' squared distances, with the precision found by bisection for the perplexity. */
    static double[] conditionalRow(double[] dist, double perplexity) {
        double target = Math.log(perplexity);
        double beta = 1;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double[] p = new double[dist.length];
        double min = dist.length == 0 ? 0 : dist[0];
        for (int step = 0; step < 100; step++) {
            double sum = 0;
            double weighted = 0;
            for (int m = 0; m < dist.length; m++) {
                p[m] = Math.exp(-(dist[m] - min) * beta); // shifted by the smallest distance: no underflow
                sum += p[m];
                weighted += (dist[m] - min) * p[m];
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int m = 0; m < dist.length; m++) {
                p[m] /= sum;
            }
            double diff = entropy - target;
            if (Math.abs(diff) < 1e-5) {
                break;
            }
            if (diff > 0) {
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
            }
        }
        return p;
    }

    /** PCA to two components (power iteration on the covariance), scaled to std 1e-4; noise when degenerate. */
    static float[] initial(float[][] x, long seed) {
        int n = x.length;
        int d = x[0].length;
        float[] y = new float[2 * n];
        double[] mean = new double[d];
        for (float[] row : x) {
            for (int c = 0; c < d; c++) {
                mean[c] += row[c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (float[] row : x) {
            for (int c = 0; c < d; c++) {
                centred[c] = row[c] - mean[c];
            }
            for (int a = 0; a < d; a++) {
                double va = centred[a];
                if (va == 0) {
                    continue;
                }
                double[] ca = cov[a];
                for (int b = a; b < d; b++) {
                    ca[b] += va * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        double[][] components = new double[2][];
        for (int c = 0; c < 2; c++) {
            double[] v = powerIteration(cov, components, c, new Random(seed + c));
            if (v == null) {
                Random random = new Random(seed);
                for (int i = 0; i < y.length; i++) {
                    y[i] = (float) (random.nextGaussian() * 1e-4);
                }
                return y;
            }
            components[c] = v;
        }
        double[] sum = new double[2];
        double[] sumSq = new double[2];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (x[i][j] - mean[j]) * components[c][j];
                }
                y[2 * i + c] = (float) s;
                sum[c] += s;
                sumSq[c] += s * s;
            }
        }
        double std = Math.sqrt(Math.max(sumSq[0] / n - (sum[0] / n) * (sum[0] / n), 1e-30));
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (y[i] / std * 1e-4);
        }
        return y;
    }

    private static double[] powerIteration(double[][] cov, double[][] found, int count, Random random) {
        int d = cov.length;
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = random.nextGaussian();
        }
        double eigen = 0;
        for (int step = 0; step < 200; step++) {
            for (int f = 0; f < count; f++) { // stay orthogonal to the components found
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += v[i] * found[f][i];
                }
                for (int i = 0; i < d; i++) {
                    v[i] -= dot * found[f][i];
                }
            }
            double[] next = new double[d];
            for (int a = 0; a < d; a++) {
                double s = 0;
                double[] row = cov[a];
                for (int b = 0; b < d; b++) {
                    s += row[b] * v[b];
                }
                next[a] = s;
            }
            double norm = 0;
            for (double value : next) {
                norm += value * value;
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-12) {
                return null;
            }
            for (int i = 0; i < d; i++) {
                next[i] /= norm;
            }
            boolean settled = Math.abs(norm - eigen) < 1e-9 * norm;
            eigen = norm;
            v = next;
            if (settled && step > 10) {
                break;
            }
        }
        // A fixed sign: the largest entry positive, so the picture does not flip between runs.
        int largest = 0;
        for (int i = 1; i < d; i++) {
            if (Math.abs(v[i]) > Math.abs(v[largest])) {
                largest = i;
            }
        }
        if (v[largest] < 0) {
            for (int i = 0; i < d; i++) {
                v[i] = -v[i];
            }
        }
        return v;
    }

    private static void optimise(SparseP p, float[] y, int n, int iterations) {
        float learningRate = Math.max(n / EXAGGERATION / 4f, 50f);
        float[] update = new float[2 * n];
        float[] gains = new float[2 * n];
        Arrays.fill(gains, 1f);
        float[] grad = new float[2 * n];
        float[] rep = new float[2 * n];
        float[] zRows = new float[n];
        for (int iter = 0; iter < iterations; iter++) {
            boolean early = iter < EXAGGERATION_ITERATIONS;
            float exaggeration = early ? EXAGGERATION : 1f;
            float momentum = early ? 0.5f : 0.8f;
            // Row by row: the attractive forces over P's row, the unnormalised repulsive forces and this row's Z.
            QuadTree tree = n > EXACT_MAX_POINTS ? new QuadTree(y, n) : null;
            IntStream.range(0, n).parallel().forEach(i -> {
                float yi0 = y[2 * i];
                float yi1 = y[2 * i + 1];
                float rep0 = 0;
                float rep1 = 0;
                float z = 0;
                if (tree != null) {
                    float[] force = new float[2];
                    z = tree.repulsion(i, THETA, new int[QuadTree.stackSize()], force);
                    rep0 = force[0];
                    rep1 = force[1];
                } else {
                    for (int j = 0; j < n; j++) {
                        float d0 = yi0 - y[2 * j];
                        float d1 = yi1 - y[2 * j + 1];
                        float q = 1f / (1f + d0 * d0 + d1 * d1);
                        z += q;
                        float qq = q * q;
                        rep0 += qq * d0;
                        rep1 += qq * d1;
                    }
                    z -= 1f; // j == i contributed q = 1
                }
                float att0 = 0;
                float att1 = 0;
                for (int at = p.rowStart()[i]; at < p.rowStart()[i + 1]; at++) {
                    int j = p.cols()[at];
                    float d0 = yi0 - y[2 * j];
                    float d1 = yi1 - y[2 * j + 1];
                    float q = 1f / (1f + d0 * d0 + d1 * d1);
                    float w = p.values()[at] * q;
                    att0 += w * d0;
                    att1 += w * d1;
                }
                grad[2 * i] = exaggeration * att0;
                grad[2 * i + 1] = exaggeration * att1;
                rep[2 * i] = rep0;
                rep[2 * i + 1] = rep1;
                zRows[i] = z;
            });
            double zSum = 0;
            for (int i = 0; i < n; i++) {
                zSum += zRows[i];
            }
            float invZ = (float) (1 / Math.max(zSum, 1e-12));
            for (int c = 0; c < 2 * n; c++) {
                float g = 4f * (grad[c] - rep[c] * invZ);
                boolean sameSign = (g > 0) == (update[c] > 0);
                gains[c] = Math.max(sameSign ? gains[c] * 0.8f : gains[c] + 0.2f, MIN_GAIN);
                update[c] = momentum * update[c] - learningRate * gains[c] * g;
                y[c] += update[c];
            }
        }
    }
}
