package ai.datasuite.vectorindex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Both dot products, the Vector API one ({@link VectorDot}) and the scalar fallback ({@link TopKSearch#scalarDot}),
 * against a sum in doubles, at dimensions around the SIMD widths (4 to 16 floats) so that the vector loop, its
 * one-register loop and the scalar tail all run, and at offsets inside a larger array as the store reads it.
 */
class DotProductTest {

    private static final int[] DIMS = {1, 3, 7, 8, 15, 16, 17, 31, 32, 33, 37, 63, 64, 65, 100, 127, 128, 384, 385,
            768, 1024, 1031};

    @Test
    void testsRunOnTheVectorApi() {
        // surefire's argLine adds jdk.incubator.vector, as the suite and the benchmarks do; without it the vector
        // path would go untested here.
        assertTrue(TopKSearch.VECTOR_API, "jdk.incubator.vector is not in the boot layer");
    }

    @Test
    void scalarDotEqualsTheSumInDoubles() {
        Random random = new Random(11);
        for (int dim : DIMS) {
            for (int round = 0; round < 20; round++) {
                float[] q = gaussian(random, dim);
                float[] data = gaussian(random, dim * 5 + 3);
                int base = random.nextInt(4) * dim + random.nextInt(4);
                assertEquals(exact(q, data, base, dim), TopKSearch.scalarDot(q, data, base, dim),
                        tolerance(q, data, base, dim), "dim " + dim);
            }
        }
    }

    @Test
    void vectorDotEqualsTheSumInDoublesAndTheScalarDot() {
        Random random = new Random(12);
        for (int dim : DIMS) {
            for (int round = 0; round < 20; round++) {
                float[] q = gaussian(random, dim);
                float[] data = gaussian(random, dim * 5 + 3);
                int base = random.nextInt(4) * dim + random.nextInt(4);
                double tolerance = tolerance(q, data, base, dim);
                float vector = VectorDot.dot(q, data, base, dim);
                assertEquals(exact(q, data, base, dim), vector, tolerance, "dim " + dim);
                assertEquals(TopKSearch.scalarDot(q, data, base, dim), vector, 2 * tolerance, "dim " + dim);
                assertEquals(vector, TopKSearch.dot(q, data, base, dim), "the store scores with the vector dot");
            }
        }
    }

    @Test
    void vectorDotReadsOnlyItsOwnRange() {
        // NaN around the range: a load past either end would make the sum NaN.
        float[] q = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        for (int dim = 1; dim <= q.length; dim++) {
            float[] data = new float[dim + 64];
            Arrays.fill(data, Float.NaN);
            for (int j = 0; j < dim; j++) {
                data[32 + j] = 1;
            }
            assertEquals(dim * (dim + 1) / 2f, VectorDot.dot(q, data, 32, dim), "dim " + dim);
            assertEquals(dim * (dim + 1) / 2f, TopKSearch.scalarDot(q, data, 32, dim), "dim " + dim);
        }
    }

    private static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static double exact(float[] q, float[] data, int base, int dim) {
        double s = 0;
        for (int j = 0; j < dim; j++) {
            s += (double) q[j] * data[base + j];
        }
        return s;
    }

    // Float sums in any order are within a few ulps of the magnitudes summed, per term.
    private static double tolerance(float[] q, float[] data, int base, int dim) {
        double magnitude = 0;
        for (int j = 0; j < dim; j++) {
            magnitude += Math.abs((double) q[j] * data[base + j]);
        }
        return 1e-6 + magnitude * dim * Math.ulp(1f);
    }
}
