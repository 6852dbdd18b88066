package ai.datasuite.retrieval.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.datasuite.retrieval.model.RetrievalModel.Hit;
import ai.datasuite.retrieval.model.ScoreFusion.Normalization;

class ScoreFusionTest {

    @Test
    void minMaxWeightedSumOverTheUnion() {
        List<Hit> sparse = List.of(new Hit(1, 10), new Hit(2, 6), new Hit(3, 2));
        List<Hit> dense = List.of(new Hit(2, 0.9), new Hit(4, 0.7), new Hit(1, 0.5));
        // sparse -> 1: 1, 2: 0.5, 3: 0 (4 missing: floor 0); dense -> 2: 1, 4: 0.5, 1: 0 (3 missing: floor 0)
        List<Hit> fused = ScoreFusion.weighted(sparse, dense, 0.5, Normalization.MINMAX);
        assertEquals(List.of(2, 1, 4, 3), ids(fused));
        assertEquals(0.75, fused.get(0).score(), 1e-12);
        assertEquals(0.5, fused.get(1).score(), 1e-12);
        assertEquals(0.25, fused.get(2).score(), 1e-12);
        assertEquals(0.0, fused.get(3).score(), 1e-12);
        // The weight moves the balance: all dense, then all sparse.
        assertEquals(List.of(2, 4), ids(ScoreFusion.weighted(sparse, dense, 1.0, Normalization.MINMAX)).subList(0, 2));
        assertEquals(List.of(1, 2), ids(ScoreFusion.weighted(sparse, dense, 0.0, Normalization.MINMAX)).subList(0, 2));
    }

    @Test
    void zScoreWeightedSum() {
        // sparse: mean 2, std 1 -> 5: +1, 2: -1; dense: mean 0.6, std 0.2 -> 2: +1, 7: -1; missing = list minimum (-1)
        List<Hit> sparse = List.of(new Hit(5, 3), new Hit(2, 1));
        List<Hit> dense = List.of(new Hit(2, 0.8), new Hit(7, 0.4));
        List<Hit> fused = ScoreFusion.weighted(sparse, dense, 0.7, Normalization.ZSCORE);
        assertEquals(List.of(2, 5, 7), ids(fused));
        assertEquals(0.7 * 1 + 0.3 * -1, fused.get(0).score(), 1e-9);
        assertEquals(0.7 * -1 + 0.3 * 1, fused.get(1).score(), 1e-9);
        assertEquals(-1.0, fused.get(2).score(), 1e-9);
    }

    @Test
    void reciprocalRankFusionUsesRanksOnly() {
        List<Hit> a = List.of(new Hit(1, 100), new Hit(2, 50), new Hit(3, 1));
        List<Hit> b = List.of(new Hit(3, 0.2), new Hit(1, 0.1));
        List<Hit> fused = ScoreFusion.rrf(List.of(a, b), 60);
        assertEquals(List.of(1, 3, 2), ids(fused));
        assertEquals(1.0 / 61 + 1.0 / 62, fused.get(0).score(), 1e-12);
        assertEquals(1.0 / 63 + 1.0 / 61, fused.get(1).score(), 1e-12);
        assertEquals(1.0 / 62, fused.get(2).score(), 1e-12);
    }

    @Test
    void degenerateListsDoNotBreakTheSum() {
        assertEquals(List.of(), ScoreFusion.weighted(List.of(), List.of(), 0.5, Normalization.ZSCORE));
        // One list empty (no known word in the question): the other decides alone; equal scores keep id order.
        List<Hit> fused = ScoreFusion.weighted(List.of(), List.of(new Hit(9, 0.5), new Hit(4, 0.5), new Hit(6, 0.1)),
                0.3, Normalization.MINMAX);
        assertEquals(List.of(4, 9, 6), ids(fused));
        assertEquals(List.of(4, 9, 6), ids(ScoreFusion.weighted(List.of(),
                List.of(new Hit(9, 0.5), new Hit(4, 0.5), new Hit(6, 0.1)), 0.3, Normalization.ZSCORE)));
    }

    private static List<Integer> ids(List<Hit> hits) {
        return hits.stream().map(Hit::contextId).toList();
    }
}
