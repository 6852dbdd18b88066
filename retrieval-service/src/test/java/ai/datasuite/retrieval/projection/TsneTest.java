package ai.datasuite.retrieval.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The project's t-SNE: separates clusters, is deterministic, and is fast enough for a catalog. */
class TsneTest {

    /** {@code clusters} Gaussian blobs of {@code per} unit vectors around random centres in {@code dim} dimensions. */
    static float[][] blobs(int clusters, int per, int dim, double spread, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[clusters][dim];
        for (float[] c : centres) {
            for (int i = 0; i < dim; i++) {
                c[i] = (float) random.nextGaussian();
            }
        }
        float[][] x = new float[clusters * per][dim];
        for (int k = 0; k < clusters; k++) {
            for (int p = 0; p < per; p++) {
                for (int i = 0; i < dim; i++) {
                    x[k * per + p][i] = (float) (centres[k][i] + spread * random.nextGaussian());
                }
            }
        }
        return x;
    }

    @Test
    void pointsOfOneClusterLandCloserThanPointsOfDifferentClusters() {
        int per = 30;
        float[][] x = blobs(4, per, 50, 0.6, 1);
        double[][] y = Tsne.project(x, 15, 500, 42);
        double same = 0;
        double other = 0;
        int nSame = 0;
        int nOther = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                double d = Math.hypot(y[i][0] - y[j][0], y[i][1] - y[j][1]);
                if (i / per == j / per) {
                    same += d;
                    nSame++;
                } else {
                    other += d;
                    nOther++;
                }
            }
        }
        same /= nSame;
        other /= nOther;
        assertTrue(same * 3 < other, "same-cluster mean distance " + same + " vs other " + other);
    }

    @Test
    void sameInputAndSeedGiveTheSameLayout() {
        float[][] x = blobs(3, 20, 16, 1.0, 5);
        double[][] a = Tsne.project(x, 10, 300, 7);
        double[][] b = Tsne.project(x, 10, 300, 7);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertEquals(60, a.length);
    }

    @Test
    void tinyInputsNeedNoNeighbourhoods() {
        assertEquals(0, Tsne.project(new float[0][], 30, 500, 1).length);
        double[][] two = Tsne.project(new float[][] {{1, 0}, {0, 1}}, 30, 500, 1);
        assertEquals(2, two.length);
        assertTrue(two[0][0] != two[1][0]);
    }

    @Test
    void aCatalogSizedInputProjectsInSeconds() {
        // 2,465 points of 384 dimensions, as the retail demo catalog: about 11 s on 2 cores shared with other builds
        // (load average 15); the bound leaves room for a busier CI machine.
        float[][] x = blobs(20, 2465 / 20 + 1, 384, 0.8, 3);
        long start = System.nanoTime();
        double[][] y = Tsne.project(x, 30, 750, 42);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("t-SNE of " + x.length + " points x 384: " + millis + " ms");
        assertEquals(x.length, y.length);
        assertTrue(millis < 45_000, millis + " ms");
    }
}
