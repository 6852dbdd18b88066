package ai.datasuite.retrieval.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.datasuite.retrieval.model.RetrievalModel.Hit;

/**
 * Fuses the ranked candidates of a sparse and a dense retriever. Each list holds one retriever's best candidates;
 * the union is ranked. A candidate missing from one list gets that list's lowest score there: it ranked below every
 * candidate the list holds, so the list's minimum is the closest bound we know.
 */
public final class ScoreFusion {

    /** How scores of one list are put on a common scale before the weighted sum. */
    public enum Normalization {
        /** {@code (s - min) / (max - min)} over the list: the best candidate 1, the last 0. */
        MINMAX,
        /** {@code (s - mean) / std} over the list: how far a candidate stands out of this query's crowd. */
        ZSCORE
    }

    private ScoreFusion() {
    }

    /** {@code weight * dense + (1 - weight) * sparse}, each normalised over its own list. */
    public static List<Hit> weighted(List<Hit> sparse, List<Hit> dense, double weight, Normalization normalization) {
        Map<Integer, Double> s = normalise(sparse, normalization);
        Map<Integer, Double> d = normalise(dense, normalization);
        double sparseFloor = min(s);
        double denseFloor = min(d);
        Map<Integer, Double> fused = new HashMap<>();
        for (Integer id : union(sparse, dense)) {
            fused.put(id, weight * d.getOrDefault(id, denseFloor) + (1 - weight) * s.getOrDefault(id, sparseFloor));
        }
        return ranked(fused);
    }

    /**
     * Reciprocal rank fusion (Cormack et al. 2009): {@code sum over lists of 1 / (k + rank)}, rank from 1; a list
     * that misses a candidate adds nothing. Scores play no part, only ranks.
     */
    public static List<Hit> rrf(List<List<Hit>> lists, int k) {
        Map<Integer, Double> fused = new HashMap<>();
        for (List<Hit> list : lists) {
            for (int rank = 0; rank < list.size(); rank++) {
                fused.merge(list.get(rank).contextId(), 1.0 / (k + rank + 1), Double::sum);
            }
        }
        return ranked(fused);
    }

    static Map<Integer, Double> normalise(List<Hit> hits, Normalization normalization) {
        Map<Integer, Double> out = new HashMap<>();
        if (hits.isEmpty()) {
            return out;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (Hit h : hits) {
            min = Math.min(min, h.score());
            max = Math.max(max, h.score());
            sum += h.score();
        }
        double mean = sum / hits.size();
        double variance = 0;
        for (Hit h : hits) {
            variance += (h.score() - mean) * (h.score() - mean);
        }
        double std = Math.sqrt(variance / hits.size());
        for (Hit h : hits) {
            double value;
            if (normalization == Normalization.MINMAX) {
                value = max > min ? (h.score() - min) / (max - min) : 1.0;
            } else {
                value = std > 0 ? (h.score() - mean) / std : 0.0;
            }
            out.put(h.contextId(), value);
        }
        return out;
    }

    private static double min(Map<Integer, Double> scores) {
        return scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static List<Integer> union(List<Hit> a, List<Hit> b) {
        java.util.LinkedHashSet<Integer> ids = new java.util.LinkedHashSet<>();
        a.forEach(h -> ids.add(h.contextId()));
        b.forEach(h -> ids.add(h.contextId()));
        return new ArrayList<>(ids);
    }

    private static List<Hit> ranked(Map<Integer, Double> fused) {
        List<Hit> hits = new ArrayList<>(fused.size());
        fused.forEach((id, score) -> hits.add(new Hit(id, score)));
        hits.sort(DenseRetrievalModel.HIT_ORDER);
        return hits;
    }
}
