package ai.datasuite.vectorindex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.vectorindex.CollectionConflictException;
import ai.datasuite.vectorindex.CollectionNotFoundException;
import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;


class EmbeddedVectorStoreTest {

    @TempDir
    Path dir;

    @Test
    void pointsReturnsVectorsAndPayloadsMatchingTheFilter() {
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir);
        assertTrue(store.points("absent", Map.of()).isEmpty());
        store.ensureCollection("p", 8, false);
        List<VectorPoint> points = randomPoints(new Random(3), 40, 8, false);
        store.upsert("p", points);
        store.delete("p", Map.of("owner", "u0"));
        List<VectorPoint> kept = points.stream().filter(p -> !"u0".equals(p.payload().get("owner"))).toList();
        List<VectorPoint> all = store.points("p", Map.of());
        assertEquals(kept.size(), all.size());
        for (VectorPoint p : all) {
            VectorPoint original = points.get((int) p.id());
            assertEquals(List.of(original.payload(), toList(original.dense())), List.of(p.payload(), toList(p.dense())));
        }
        List<VectorPoint> u1 = store.points("p", Map.of("owner", "u1"));
        assertFalse(u1.isEmpty());
        assertTrue(u1.stream().allMatch(p -> "u1".equals(p.payload().get("owner"))));
        assertEquals(store.count("p", Map.of("owner", "u1")), u1.size());
    }

    private static List<Float> toList(float[] v) {
        List<Float> out = new ArrayList<>();
        for (float x : v) {
            out.add(x);
        }
        return out;
    }

    @Test
    void denseSearchEqualsBruteForceWithFilters() {
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir);
        store.ensureCollection("c", 37, false);
        Random random = new Random(7);
        List<VectorPoint> points = randomPoints(random, 500, 37, false);
        store.upsert("c", points);
        for (int q = 0; q < 20; q++) {
            float[] query = unit(random, 37);
            Map<String, String> filter = q % 2 == 0 ? Map.of() : Map.of("owner", "u" + (q % 3));
            List<ScoredPoint> hits = store.searchDense("c", query, 10, filter);
            List<Long> expected = points.stream()
                    .filter(p -> filter.isEmpty() || filter.get("owner").equals(p.payload().get("owner")))
                    .sorted(Comparator.comparingDouble((VectorPoint p) -> -dot(query, p.dense()))
                            .thenComparingLong(VectorPoint::id))
                    .limit(10).map(VectorPoint::id).toList();
            assertEquals(expected, hits.stream().map(ScoredPoint::id).toList());
            for (ScoredPoint hit : hits) {
                VectorPoint p = points.get((int) hit.id());
                assertEquals(dot(query, p.dense()), hit.score(), 1e-5);
                assertEquals(p.payload(), hit.payload());
            }
        }
    }

    @Test
    void sparseSearchUsesPostingsAndReplacesOldTerms() {
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir);
        store.ensureCollection("s", 0, true);
        store.upsert("s", List.of(
                point(1, null, sparse(new int[] {1, 5}, new float[] {0.5f, 0.5f}), "a"),
                point(2, null, sparse(new int[] {5, 9}, new float[] {1f, 2f}), "b"),
                point(3, null, sparse(new int[] {2}, new float[] {3f}), "a")));
        List<ScoredPoint> hits = store.searchSparse("s", sparse(new int[] {5, 9}, new float[] {1f, 1f}), 5, Map.of());
        assertEquals(List.of(2L, 1L), hits.stream().map(ScoredPoint::id).toList());
        assertEquals(3.0, hits.get(0).score(), 1e-6);
        assertEquals(0.5, hits.get(1).score(), 1e-6);
        assertEquals(List.of(1L), store.searchSparse("s", sparse(new int[] {5}, new float[] {1f}), 5,
                Map.of("owner", "a")).stream().map(ScoredPoint::id).toList());

        // Point 2 no longer has term 9 or 5: the old postings must not answer any more.
        store.upsert("s", List.of(point(2, null, sparse(new int[] {2}, new float[] {1f}), "b")));
        hits = store.searchSparse("s", sparse(new int[] {5, 9}, new float[] {1f, 1f}), 5, Map.of());
        assertEquals(List.of(1L), hits.stream().map(ScoredPoint::id).toList());
        assertEquals(3, store.count("s"));
    }

    @Test
    void persistsAcrossRestartsThroughSegmentsAndSnapshots() throws IOException {
        Random random = new Random(11);
        List<VectorPoint> points = randomPoints(random, 300, 16, true);
        float[] query = unit(random, 16);
        List<ScoredPoint> before;
        {
            EmbeddedVectorStore store = new EmbeddedVectorStore(dir, 3);
            store.ensureCollection("p", 16, true);
            for (int from = 0; from < 300; from += 50) {
                store.upsert("p", points.subList(from, from + 50)); // six segments: folds into a snapshot
            }
            assertEquals(100, store.delete("p", Map.of("owner", "u1")));
            before = store.searchDense("p", query, 20, Map.of());
            store.close();
        }
        try (Stream<Path> files = Files.list(dir.resolve("p"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("snap-")), names.toString());
            assertTrue(names.stream().filter(n -> n.startsWith("seg-")).count() < 3, names.toString());
        }
        // A temporary file left by a crash mid-write is ignored and cleaned.
        Files.writeString(dir.resolve("p").resolve("seg-000000000099.bin.tmp"), "half a segment");

        EmbeddedVectorStore reopened = new EmbeddedVectorStore(dir, 3);
        assertEquals(200, reopened.count("p"));
        assertEquals(before, reopened.searchDense("p", query, 20, Map.of()));
        assertEquals(0, reopened.searchDense("p", query, 300, Map.of("owner", "u1")).size());
        assertFalse(Files.exists(dir.resolve("p").resolve("seg-000000000099.bin.tmp")));
        VectorPoint anyKept = points.stream().filter(p -> !p.payload().get("owner").equals("u1")).findFirst()
                .orElseThrow();
        List<ScoredPoint> sparseHits = reopened.searchSparse("p", anyKept.sparse(), 1, Map.of("owner",
                anyKept.payload().get("owner")));
        assertEquals(1, sparseHits.size());

        // Released from memory, the collection is read again on its next use.
        assertTrue(reopened.memoryBytes("p") > 200 * 16 * 4);
        assertTrue(reopened.release("p") > 0);
        assertEquals(0, reopened.memoryBytes("p"));
        assertEquals(before, reopened.searchDense("p", query, 20, Map.of()));
        assertEquals(List.of("p"), reopened.collections());

        reopened.dropCollection("p");
        assertEquals(0, reopened.count("p"));
        assertFalse(Files.exists(dir.resolve("p")));
        assertEquals(List.of(), new EmbeddedVectorStore(dir).collections());
    }

    @Test
    void rejectsBadInput() {
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir);
        store.ensureCollection("c", 4, false);
        store.ensureCollection("c", 4, false); // idempotent
        CollectionConflictException conflict = assertThrows(CollectionConflictException.class,
                () -> store.ensureCollection("c", 8, false));
        assertEquals("Collection c exists with dimension 4 and sparse=false", conflict.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.ensureCollection("../evil", 4, false));
        assertThrows(IllegalArgumentException.class,
                () -> store.upsert("c", List.of(point(1, new float[3], null, "a"))));
        assertThrows(IllegalArgumentException.class,
                () -> store.upsert("c", List.of(point(1, new float[4], sparse(new int[] {1}, new float[] {1}), "a"))));
        assertThrows(IllegalArgumentException.class, () -> store.searchDense("c", new float[5], 3, Map.of()));
        assertEquals("No vector collection absent", assertThrows(CollectionNotFoundException.class,
                () -> store.upsert("absent", List.of(point(1, new float[4], null, "a")))).getMessage());
        assertEquals(List.of(), store.searchDense("absent", new float[4], 3, Map.of()));
        assertEquals(0, store.count("c"));
    }

    @Test
    void readersAndWritersRunConcurrently() throws Exception {
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir, 4);
        store.ensureCollection("c", 8, true);
        Random random = new Random(3);
        List<VectorPoint> points = randomPoints(random, 800, 8, true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int part = w;
                futures.add(pool.submit(() -> {
                    for (int from = part * 400; from < part * 400 + 400; from += 20) {
                        store.upsert("c", points.subList(from, from + 20));
                    }
                }));
            }
            for (int r = 0; r < 2; r++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        List<ScoredPoint> hits = store.searchDense("c", points.get(i).dense(), 5, Map.of());
                        assertTrue(hits.size() <= 5);
                        store.searchSparse("c", points.get(i).sparse(), 5, Map.of("owner", "u0"));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(800, store.count("c"));
        assertEquals(800, new EmbeddedVectorStore(dir, 4).count("c"));
    }

    static List<VectorPoint> randomPoints(Random random, int n, int dim, boolean withSparse) {
        List<VectorPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SparseVector s = null;
            if (withSparse) {
                s = sparse(new int[] {i % 7, 10 + i % 13, 100 + i}, new float[] {random.nextFloat(),
                        random.nextFloat(), 1f});
            }
            points.add(point(i, unit(random, dim), s, "u" + (i % 3)));
        }
        return points;
    }

    static VectorPoint point(long id, float[] dense, SparseVector sparse, String owner) {
        return new VectorPoint(id, dense, sparse, Map.of("owner", owner, "context_id", Long.toString(id)));
    }

    static SparseVector sparse(int[] indices, float[] values) {
        return new SparseVector(indices, values);
    }

    static float[] unit(Random random, int dim) {
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dim; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    static double dot(float[] a, float[] b) {
        return TopKSearch.dot(a, b, 0, a.length);
    }
}
