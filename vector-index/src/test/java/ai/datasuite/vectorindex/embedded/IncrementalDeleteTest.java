package ai.datasuite.vectorindex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;

/**
 * Deletes and replacing upserts change the inverted index incrementally (no rebuild), and what they leave searches
 * exactly like an index built afresh from the surviving points: same hits, same scores, same postings counts.
 */
class IncrementalDeleteTest {

    private static final int DIM = 16;

    @TempDir
    Path dir;

    @Test
    void searchesAfterDeletesAndReplacementsEqualAFreshIndex() throws IOException {
        Random random = new Random(11);
        InMemoryCollection changed = SegmentLog.create(dir.resolve("changed"), DIM, true);
        Map<Long, VectorPoint> expected = new LinkedHashMap<>();
        for (VectorPoint p : points(random, 0, 800)) {
            expected.put(p.id(), p);
        }
        changed.apply(List.copyOf(expected.values()));
        for (int round = 0; round < 40; round++) {
            List<Long> gone = new ArrayList<>();
            for (int i = 0; i < 1 + round % 9; i++) {
                gone.add((long) random.nextInt(900)); // some absent: a delete of an unknown id is a no-op
            }
            changed.remove(gone);
            gone.forEach(expected::remove);
            List<VectorPoint> replaced = points(random, random.nextInt(800), 3); // new terms for known ids
            changed.apply(replaced);
            replaced.forEach(p -> expected.put(p.id(), p));
        }
        InMemoryCollection fresh = SegmentLog.create(dir.resolve("fresh"), DIM, true);
        fresh.apply(List.copyOf(expected.values()));

        assertEquals(fresh.size, changed.size);
        assertEquals(fresh.inverted.termCount(), changed.inverted.termCount());
        assertEquals(fresh.inverted.entryCount(), changed.inverted.entryCount());
        for (int q = 0; q < 50; q++) {
            Map<String, String> filter = q % 3 == 0 ? Map.of("owner", "u" + q % 2) : Map.of();
            SparseVector query = sparse(random, 1 + q % 6);
            assertEquals(TopKSearch.sparse(fresh, query, 25, filter), TopKSearch.sparse(changed, query, 25, filter),
                    "sparse query " + q);
            float[] dense = EmbeddedVectorStoreTest.unit(random, DIM);
            assertEquals(TopKSearch.dense(fresh, dense, 25, filter), TopKSearch.dense(changed, dense, 25, filter),
                    "dense query " + q);
        }
    }

    @Test
    void aDeleteTouchesOnlyTheDeletedPointsTermsAndTheStoreReloadsTheSame() {
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir, 4); // folds often: snapshots of the changed order
        store.ensureCollection("c", DIM, true);
        Random random = new Random(5);
        List<VectorPoint> all = points(random, 0, 300);
        store.upsert("c", all);
        VectorPoint victim = all.get(17);
        int untouched = 1; // terms start at 1
        while (contains(victim.sparse(), untouched)) {
            untouched++;
        }
        InvertedIndex.Postings before = loaded(store).inverted.get(untouched);
        assertNotNull(before);

        assertEquals(1, store.delete("c", Map.of("context_id", "17")));

        // A rebuild would have made new postings for every term; an incremental delete leaves the others alone.
        assertSame(before, loaded(store).inverted.get(untouched));
        List<VectorPoint> rest = new ArrayList<>(all);
        rest.remove(17);
        for (int i = 40; i < 50; i++) {
            store.delete("c", Map.of("context_id", Integer.toString(i)));
        }
        rest.removeIf(p -> p.id() >= 40 && p.id() < 50);
        EmbeddedVectorStore fresh = new EmbeddedVectorStore(dir.resolve("fresh"));
        fresh.ensureCollection("c", DIM, true);
        fresh.upsert("c", rest);
        EmbeddedVectorStore reopened = new EmbeddedVectorStore(dir);
        for (int q = 0; q < 20; q++) {
            SparseVector query = sparse(random, 4);
            List<ScoredPoint> expected = fresh.searchSparse("c", query, 10, Map.of());
            assertEquals(expected, store.searchSparse("c", query, 10, Map.of()));
            assertEquals(expected, reopened.searchSparse("c", query, 10, Map.of()));
        }
        assertNull(loaded(store).slotOf.get(17L));
        assertEquals(rest.size(), reopened.count("c"));
    }

    private static InMemoryCollection loaded(EmbeddedVectorStore store) {
        return store.loadedCollection("c");
    }

    private static boolean contains(SparseVector s, int term) {
        for (int t : s.indices()) {
            if (t == term) {
                return true;
            }
        }
        return false;
    }

    /** Points {@code from..from+n-1}: a dense vector and 5-40 sparse terms over a skewed vocabulary of 500. */
    static List<VectorPoint> points(Random random, int from, int n) {
        List<VectorPoint> points = new ArrayList<>();
        for (long id = from; id < from + n; id++) {
            points.add(new VectorPoint(id, EmbeddedVectorStoreTest.unit(random, DIM), sparse(random, 5 + random.nextInt(36)),
                    Map.of("owner", "u" + id % 2, "context_id", Long.toString(id))));
        }
        return points;
    }

    static SparseVector sparse(Random random, int terms) {
        TreeMap<Integer, Float> entries = new TreeMap<>();
        while (entries.size() < terms) {
            entries.put((int) Math.floor(Math.pow(500, random.nextDouble())), 0.05f + random.nextFloat());
        }
        int[] idx = entries.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] val = new float[idx.length];
        int k = 0;
        for (float v : entries.values()) {
            val[k++] = v;
        }
        return new SparseVector(idx, val);
    }
}
