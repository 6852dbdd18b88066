package ai.datasuite.vectorindex.embedded;

import java.util.Arrays;

/**
 * A one-byte copy of a collection's dense vectors, a quarter of the bytes a search has to stream from memory: each
 * vector is stored as {@code scale x code} (codes in -127..127, scale = the largest |component| / 127), with an error
 * bound such that for every query {@code q} the float dot product the store ranks by satisfies
 * {@code dot(q, x) <= scale * codeDot(q, code) + |q| * bound}. {@link TopKSearch} scores the codes first and computes
 * the exact dot product only for points whose bound still reaches the current top k, so results stay exact.
 */
final class Int8Codes {

    /** Float rounding of a sum of n products is at most n * 2^-24 of the summed magnitudes; twice that, margin. */
    private static final double ROUNDING = 0x1p-23;

    private final int dim;
    byte[] codes;
    float[] scales;
    float[] bounds;

    Int8Codes(int dim, int capacity, int floats) {
        this.dim = dim;
        codes = new byte[floats];
        scales = new float[capacity];
        bounds = new float[capacity];
    }

    void grow(int capacity, int floats) {
        codes = Arrays.copyOf(codes, floats);
        scales = Arrays.copyOf(scales, capacity);
        bounds = Arrays.copyOf(bounds, capacity);
    }

    /** Encodes {@code vector} (of the dimension) into {@code slot}. */
    void set(int slot, float[] vector) {
        int base = slot * dim;
        float max = 0;
        for (float v : vector) {
            max = Math.max(max, Math.abs(v));
        }
        if (!Float.isFinite(max)) {
            // NaN or infinite components: no bound holds, so the point is always scored exactly.
            Arrays.fill(codes, base, base + dim, (byte) 0);
            scales[slot] = 0;
            bounds[slot] = Float.POSITIVE_INFINITY;
            return;
        }
        float scale = max / 127;
        double error = 0;
        double norm = 0;
        double codeNorm = 0;
        for (int j = 0; j < dim; j++) {
            int code = scale == 0 ? 0 : Math.max(-127, Math.min(127, Math.round(vector[j] / scale)));
            codes[base + j] = (byte) code;
            double decoded = (double) scale * code;
            error += (vector[j] - decoded) * (vector[j] - decoded);
            norm += (double) vector[j] * vector[j];
            codeNorm += decoded * decoded;
        }
        // |q| * |x - decoded| bounds the quantisation error (Cauchy-Schwarz); the rest covers float rounding of both
        // dot products; 1% on top absorbs the rounding of the bound itself.
        double bound = Math.sqrt(error) + (dim + 2) * ROUNDING * (Math.sqrt(norm) + Math.sqrt(codeNorm));
        scales[slot] = scale;
        bounds[slot] = Math.nextUp((float) (bound * 1.01));
        if (!Float.isFinite(bounds[slot]) || !Float.isFinite((float) norm)) {
            bounds[slot] = Float.POSITIVE_INFINITY;
        }
    }

    /** Marks {@code slot} as holding no dense vector (it is never scored). */
    void clear(int slot) {
        Arrays.fill(codes, slot * dim, (slot + 1) * dim, (byte) 0);
        scales[slot] = 0;
        bounds[slot] = 0;
    }

    /** Copies the point in slot {@code from} to slot {@code to} (an incremental delete). */
    void move(int from, int to) {
        System.arraycopy(codes, from * dim, codes, to * dim, dim);
        scales[to] = scales[from];
        bounds[to] = bounds[from];
    }

    long memoryBytes() {
        return codes.length + (long) scales.length * Float.BYTES + (long) bounds.length * Float.BYTES;
    }

    /** |q| rounded up, for the bound. */
    static float norm(float[] q) {
        double s = 0;
        for (float v : q) {
            s += (double) v * v;
        }
        return Math.nextUp((float) Math.sqrt(s));
    }
}
