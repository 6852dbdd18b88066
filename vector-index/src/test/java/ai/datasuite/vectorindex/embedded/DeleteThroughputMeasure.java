package ai.datasuite.vectorindex.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;

/**
 * A micro-measure, not a check: deletes per second of single documents from a collection shaped like retrieval's
 * {@code documents} (384 dense dimensions, ~60 sparse terms per chunk over a Zipf-like vocabulary). Run it with
 * {@code mvn -o -pl vector-index test -Dtest=DeleteThroughputMeasure -Dmeasure=true}.
 */
@EnabledIfSystemProperty(named = "measure", matches = "true")
class DeleteThroughputMeasure {

    private static final int DIM = 384;

    @TempDir
    Path dir;

    @Test
    void inMemoryDeletes() throws IOException {
        for (int n : new int[] {5_000, 20_000, 50_000}) {
            InMemoryCollection c = SegmentLog.create(dir.resolve("c" + n), DIM, true);
            c.apply(points(new Random(1), n));
            int deletes = 200;
            long start = System.nanoTime();
            for (int i = 0; i < deletes; i++) {
                c.remove(List.of((long) (i * 7 % n)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("MEASURE in-memory: %d points, %d single deletes: %.1f deletes/s%n", n, deletes,
                    deletes / seconds);
        }
    }

    @Test
    void storeDeletesByFilter() {
        int n = 20_000;
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir.resolve("store"));
        store.ensureCollection("documents", DIM, true);
        List<VectorPoint> all = points(new Random(2), n);
        for (int from = 0; from < n; from += 1000) {
            store.upsert("documents", all.subList(from, from + 1000));
        }
        int deletes = 100;
        long start = System.nanoTime();
        for (int i = 0; i < deletes; i++) {
            store.delete("documents", Map.of("source_file_id", "f" + i));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MEASURE store: %d points, %d file deletes (10 chunks each, segment fsync included):"
                + " %.1f deletes/s%n", n, deletes, deletes / seconds);
    }

    /** Chunks of files of 10: ids 0..n-1, payload source_file_id f(id/10). */
    static List<VectorPoint> points(Random random, int n) {
        List<VectorPoint> points = new ArrayList<>(n);
        for (int id = 0; id < n; id++) {
            float[] dense = new float[DIM];
            for (int j = 0; j < DIM; j++) {
                dense[j] = (float) random.nextGaussian();
            }
            java.util.TreeMap<Integer, Float> terms = new java.util.TreeMap<>();
            while (terms.size() < 60) {
                // Zipf-like: a few terms in most chunks, a long tail in few
                int term = (int) Math.floor(Math.pow(30_000, random.nextDouble()));
                terms.put(term, 0.1f + random.nextFloat());
            }
            int[] idx = terms.keySet().stream().mapToInt(Integer::intValue).toArray();
            float[] val = new float[idx.length];
            int k = 0;
            for (float v : terms.values()) {
                val[k++] = v;
            }
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put("owner", "u" + (id % 3));
            payload.put("source_file_id", "f" + (id / 10));
            points.add(new VectorPoint(id, dense, new SparseVector(idx, val), payload));
        }
        return points;
    }
}
