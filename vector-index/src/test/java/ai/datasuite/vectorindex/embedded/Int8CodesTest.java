package ai.datasuite.vectorindex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.VectorPoint;

/**
 * The one-byte codes the dense search streams first: their bound holds for every query (else a search could skip a
 * point of the true top k), and a search over points that are hard for codes (near-duplicates, ties, zero and tiny
 * vectors, very different lengths) still equals the exact scan, scores included.
 */
class Int8CodesTest {

    @TempDir
    Path dir;

    @Test
    void theBoundCoversTheExactDotProduct() {
        Random random = new Random(21);
        for (int dim : new int[] {1, 5, 16, 37, 64, 100, 384, 1031}) {
            Int8Codes codes = new Int8Codes(dim, 50, 50 * dim);
            float[][] vectors = new float[50][];
            for (int slot = 0; slot < 50; slot++) {
                vectors[slot] = vector(random, dim, slot);
                codes.set(slot, vectors[slot]);
            }
            for (int round = 0; round < 40; round++) {
                float[] q = vector(random, dim, round);
                float norm = Int8Codes.norm(q);
                for (int slot = 0; slot < 50; slot++) {
                    float approx = VectorDot.codeDot(q, codes.codes, slot * dim, dim) * codes.scales[slot];
                    float exact = VectorDot.dot(q, vectors[slot], 0, dim);
                    float slack = norm * codes.bounds[slot];
                    assertTrue(exact <= approx + slack, "dim " + dim + " slot " + slot);
                    assertTrue(exact >= approx - slack, "dim " + dim + " slot " + slot);
                    if (slot % 4 != 0 && dim >= 16) {
                        // Tight enough to skip almost every point: under 2% of |q| |x| for spread-out vectors.
                        assertTrue(slack <= 0.02 * norm * Int8Codes.norm(vectors[slot]), "dim " + dim);
                    }
                }
            }
        }
    }

    @Test
    void movedAndClearedSlotsKeepTheirCodes() {
        Int8Codes codes = new Int8Codes(3, 2, 6);
        codes.set(0, new float[] {1, -0.5f, 0.25f});
        codes.set(1, new float[] {0, 0, 0});
        assertEquals(127, codes.codes[0]);
        assertEquals(-63, codes.codes[1]); // -63.5 rounds up
        assertEquals(0, codes.bounds[1], 1e-30);
        codes.move(0, 1);
        assertEquals(127, codes.codes[3]);
        assertEquals(codes.scales[0], codes.scales[1]);
        assertEquals(codes.bounds[0], codes.bounds[1]);
        codes.clear(0);
        assertEquals(0, codes.codes[0]);
        codes.set(0, new float[] {Float.NaN, 1, 1});
        assertEquals(Float.POSITIVE_INFINITY, codes.bounds[0], "no bound holds: always scored exactly");
        codes.grow(4, 12);
        assertEquals(127, codes.codes[3]);
        assertEquals(4, codes.scales.length);
    }

    @Test
    void searchOverHardPointsEqualsTheExactScan() {
        int dim = 48;
        Random random = new Random(22);
        List<VectorPoint> points = new ArrayList<>();
        float[] centre = vector(random, dim, 1);
        for (int i = 0; i < 3000; i++) {
            float[] v;
            switch (i % 6) {
                case 0 -> v = centre.clone(); // exact ties: the smaller id wins
                case 1 -> { // near-duplicates, closer than a code step: the codes rank them almost at random
                    v = centre.clone();
                    for (int j = 0; j < dim; j++) {
                        v[j] += (float) random.nextGaussian() * 0.003f;
                    }
                }
                case 2 -> v = new float[dim]; // zero vectors
                case 3 -> v = scaled(vector(random, dim, i), 1e-20f); // tiny
                case 4 -> v = scaled(vector(random, dim, i), 0.001f + random.nextFloat()); // shorter, by far
                default -> v = vector(random, dim, i);
            }
            points.add(new VectorPoint(i, v, null, Map.of("owner", "u" + (i % 3))));
        }
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir);
        store.ensureCollection("c", dim, false);
        store.upsert("c", points);
        for (int q = 0; q < 30; q++) {
            float[] query = q % 3 == 0 ? centre.clone() : vector(random, dim, q);
            if (q % 5 == 0) {
                query = scaled(query, -1);
            }
            Map<String, String> filter = q % 2 == 0 ? Map.of() : Map.of("owner", "u" + (q % 3));
            int k = 1 + q % 25;
            float[] qq = query;
            List<VectorPoint> expected = points.stream()
                    .filter(p -> filter.isEmpty() || filter.get("owner").equals(p.payload().get("owner")))
                    .sorted(Comparator.comparingDouble((VectorPoint p) -> -VectorDot.dot(qq, p.dense(), 0, dim))
                            .thenComparingLong(VectorPoint::id))
                    .limit(k).toList();
            List<ScoredPoint> hits = store.searchDense("c", query, k, filter);
            assertEquals(expected.stream().map(VectorPoint::id).toList(), hits.stream().map(ScoredPoint::id).toList(),
                    "query " + q);
            for (int i = 0; i < k; i++) {
                assertEquals(VectorDot.dot(query, expected.get(i).dense(), 0, dim), hits.get(i).score(),
                        "the exact score, not the code's");
            }
        }
    }

    private static float[] vector(Random random, int dim, int salt) {
        float[] v = new float[dim];
        float spread = salt % 4 == 0 ? 0.001f : 1; // some with one dominant component
        for (int j = 0; j < dim; j++) {
            v[j] = (float) random.nextGaussian() * (j == salt % dim ? 1 : spread);
        }
        return v;
    }

    private static float[] scaled(float[] v, float factor) {
        for (int j = 0; j < v.length; j++) {
            v[j] *= factor;
        }
        return v;
    }
}
