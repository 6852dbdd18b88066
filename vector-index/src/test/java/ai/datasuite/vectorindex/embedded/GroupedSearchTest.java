package ai.datasuite.vectorindex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.VectorStore;

/**
 * The embedded store's one-scan grouped search answers exactly what {@link VectorStore}'s default (over-fetch, then
 * first point per group) answers, and what brute force says: each top group with its best point, best first.
 */
class GroupedSearchTest {

    @TempDir
    Path dir;

    @Test
    void theOneScanEqualsTheOverFetchAndBruteForce() {
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir);
        store.ensureCollection("g", 16, false);
        Random random = new Random(7);
        List<VectorPoint> points = new ArrayList<>();
        int maxPerGroup = 1;
        Map<String, Integer> perGroup = new HashMap<>();
        for (long id = 0; id < 3000; id++) {
            String group = "c" + random.nextInt(400);
            Map<String, String> payload = new HashMap<>(Map.of("context_id", group,
                    "kind", random.nextInt(5) == 0 ? "passage" : "chunk"));
            if (id % 97 == 0) {
                payload.remove("context_id"); // no group: never returned
            }
            float[] v = EmbeddedVectorStoreTest.unit(random, 16);
            if (id % 50 == 1) {
                v = points.get((int) id - 1).dense().clone(); // exact ties, broken by the smaller id
            }
            points.add(new VectorPoint(id, v, null, payload));
            if (payload.containsKey("context_id")) {
                maxPerGroup = Math.max(maxPerGroup, perGroup.merge(group, 1, Integer::sum));
            }
        }
        store.upsert("g", points);
        VectorStore overFetch = overFetchOnly(store);
        for (int q = 0; q < 30; q++) {
            float[] query = EmbeddedVectorStoreTest.unit(random, 16);
            for (Map<String, String> filter : List.of(Map.<String, String>of(), Map.of("kind", "chunk"))) {
                for (int groups : List.of(1, 10, 100, 1000)) {
                    List<ScoredPoint> fast = store.searchDenseGroups("g", query, "context_id", groups, maxPerGroup,
                            filter);
                    List<ScoredPoint> slow = overFetch.searchDenseGroups("g", query, "context_id", groups,
                            maxPerGroup, filter);
                    assertEquals(ids(slow), ids(fast), "groups " + groups + " filter " + filter);
                    assertEquals(ids(bruteForce(points, query, groups, filter)), ids(fast));
                    Set<String> distinct = new HashSet<>();
                    fast.forEach(p -> assertTrue(distinct.add(p.payload().get("context_id"))));
                }
            }
        }
        assertTrue(store.searchDenseGroups("absent", EmbeddedVectorStoreTest.unit(random, 16), "context_id", 5, 3, Map.of()).isEmpty());
    }

    /** Each group's best point (highest score, then smaller id), the best {@code groups} of them. */
    private static List<ScoredPoint> bruteForce(List<VectorPoint> points, float[] query, int groups,
                                                Map<String, String> filter) {
        Map<String, ScoredPoint> best = new HashMap<>();
        for (VectorPoint p : points) {
            String group = p.payload().get("context_id");
            if (group == null || !filter.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(p.payload().get(e.getKey())))) {
                continue;
            }
            float score = TopKSearch.dot(query, p.dense(), 0, query.length);
            ScoredPoint candidate = new ScoredPoint(p.id(), score, p.payload());
            best.merge(group, candidate, (a, b) -> better(b, a) ? b : a);
        }
        List<ScoredPoint> sorted = new ArrayList<>(best.values());
        sorted.sort((a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0);
        return sorted.subList(0, Math.min(groups, sorted.size()));
    }

    private static boolean better(ScoredPoint a, ScoredPoint b) {
        return a.score() > b.score() || (a.score() == b.score() && a.id() < b.id());
    }

    private static List<Long> ids(List<ScoredPoint> points) {
        return points.stream().map(ScoredPoint::id).toList();
    }

    /** The store seen only through the interface's abstract methods: searchDenseGroups is the default one. */
    private static VectorStore overFetchOnly(EmbeddedVectorStore store) {
        return new VectorStore() {
            public void ensureCollection(String c, int d, boolean s) {
                store.ensureCollection(c, d, s);
            }

            public void upsert(String c, List<VectorPoint> p) {
                store.upsert(c, p);
            }

            public List<ScoredPoint> searchDense(String c, float[] q, int k, Map<String, String> f) {
                return store.searchDense(c, q, k, f);
            }

            public List<ScoredPoint> searchSparse(String c, SparseVector q, int k, Map<String, String> f) {
                return store.searchSparse(c, q, k, f);
            }

            public List<VectorPoint> points(String c, Map<String, String> f) {
                return store.points(c, f);
            }

            public long delete(String c, Map<String, String> f) {
                return store.delete(c, f);
            }

            public List<String> collections() {
                return store.collections();
            }

            public void dropCollection(String c) {
                store.dropCollection(c);
            }

            public long count(String c) {
                return store.count(c);
            }

            public long count(String c, Map<String, String> f) {
                return store.count(c, f);
            }
        };
    }
}
