package ai.datasuite.vectorindex.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.SparseVector;

/**
 * Exact top-k scoring over one {@link InMemoryCollection} (the caller holds its read lock): dense search scans the
 * contiguous vector array with a dot product, sparse search accumulates the query terms' postings; both keep the best
 * {@code k} in a bounded heap. Ties prefer the smaller id.
 */
final class TopKSearch {

    /**
     * Whether the Vector API module is in the boot layer ({@code --add-modules jdk.incubator.vector}); checked once,
     * as a constant the JIT folds. Without it {@link VectorDot} is never loaded and the scalar loop scores.
     */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private TopKSearch() {
    }

    /** The {@code k} best points by dot product with {@code query} (of the collection's dimension). */
    static List<ScoredPoint> dense(InMemoryCollection c, float[] query, int k, Map<String, String> filter) {
        TopK top = new TopK(k);
        boolean[] allowed = c.matching(filter);
        if (VECTOR_API) {
            denseOnCodes(c, query, top, allowed);
        } else {
            float[] data = c.dense;
            int dim = c.dim;
            for (int i = 0; i < c.size; i++) {
                if ((allowed == null || allowed[i]) && c.hasDense[i]) {
                    top.offer(i, scalarDot(query, data, i * dim, dim), c.ids[i]);
                }
            }
        }
        return top.result(c.payloads);
    }

    /**
     * The best point of each of the top {@code groups} groups (payload {@code groupKey}) by dot product: one exact scan
     * keeps each group's best point, then the groups' best points go through the bounded heap. Same order and ties as
     * {@link #dense}. (Pruning with the one-byte codes, as {@link #denseOnCodes} does, was tried: on e5 vectors of
     * SQuAD it saved nothing measurable here, so the scan stays simple.)
     */
    static List<ScoredPoint> denseGroups(InMemoryCollection c, float[] query, String groupKey, int groups,
                                         Map<String, String> filter) {
        boolean[] allowed = c.matching(filter);
        Map<String, Integer> groupIndex = new HashMap<>();
        int[] bestSlot = new int[16];
        float[] bestScore = new float[16];
        for (int i = 0; i < c.size; i++) {
            if ((allowed == null || allowed[i]) && c.hasDense[i]) {
                String group = c.payloads[i].get(groupKey);
                if (group == null) {
                    continue;
                }
                float score = dot(query, c.dense, i * c.dim, c.dim);
                Integer known = groupIndex.putIfAbsent(group, groupIndex.size());
                if (known == null) {
                    int g = groupIndex.size() - 1;
                    if (g == bestSlot.length) {
                        bestSlot = Arrays.copyOf(bestSlot, g * 2);
                        bestScore = Arrays.copyOf(bestScore, g * 2);
                    }
                    bestSlot[g] = i;
                    bestScore[g] = score;
                } else if (TopK.better(score, c.ids[i], bestScore[known], c.ids[bestSlot[known]])) {
                    bestSlot[known] = i;
                    bestScore[known] = score;
                }
            }
        }
        TopK top = new TopK(groups);
        for (int g = 0; g < groupIndex.size(); g++) {
            top.offer(bestSlot[g], bestScore[g], c.ids[bestSlot[g]]);
        }
        return top.result(c.payloads);
    }

    /**
     * The dense scan over the one-byte codes ({@link Int8Codes}), a quarter of the memory traffic: a point whose
     * bound {@code approx + |q| x bound} stays below the current k-th best score cannot enter the top k and is
     * skipped; every other point is scored exactly, so the result equals the full scan's.
     */
    private static void denseOnCodes(InMemoryCollection c, float[] query, TopK top, boolean[] allowed) {
        float[] data = c.dense;
        byte[] codes = c.codes.codes;
        float[] scales = c.codes.scales;
        float[] bounds = c.codes.bounds;
        int dim = c.dim;
        float queryNorm = Int8Codes.norm(query);
        // Covers float underflow (absolute, not relative, error) in both dot products.
        float tiny = (dim + 2) * Float.MIN_NORMAL;
        for (int i = 0; i < c.size; i++) {
            if ((allowed == null || allowed[i]) && c.hasDense[i]) {
                if (top.full()) {
                    float approx = VectorDot.codeDot(query, codes, i * dim, dim) * scales[i];
                    if (approx + queryNorm * bounds[i] + tiny < top.threshold()) {
                        continue;
                    }
                }
                top.offer(i, VectorDot.dot(query, data, i * dim, dim), c.ids[i]);
            }
        }
    }

    /** The {@code k} best points by sparse dot product; only points sharing a term with the query score. */
    static List<ScoredPoint> sparse(InMemoryCollection c, SparseVector query, int k, Map<String, String> filter) {
        float[] acc = new float[c.size];
        boolean[] touched = new boolean[c.size];
        int[] touchedList = new int[Math.min(c.size, 1024)];
        int nTouched = 0;
        for (int q = 0; q < query.indices().length; q++) {
            InvertedIndex.Postings postings = c.inverted.get(query.indices()[q]);
            if (postings == null) {
                continue;
            }
            float w = query.values()[q];
            for (int j = 0; j < postings.size; j++) {
                int slot = postings.slots[j];
                acc[slot] += w * postings.values[j];
                if (!touched[slot]) {
                    touched[slot] = true;
                    if (nTouched == touchedList.length) {
                        touchedList = Arrays.copyOf(touchedList, Math.min(c.size, nTouched * 2));
                    }
                    touchedList[nTouched++] = slot;
                }
            }
        }
        boolean[] allowed = c.matching(filter);
        TopK top = new TopK(k);
        for (int t = 0; t < nTouched; t++) {
            int slot = touchedList[t];
            if (allowed == null || allowed[slot]) {
                top.offer(slot, acc[slot], c.ids[slot]);
            }
        }
        return top.result(c.payloads);
    }

    /** {@code q} · {@code data[base .. base + dim)}: on the Vector API when its module is present, else scalar. */
    static float dot(float[] q, float[] data, int base, int dim) {
        return VECTOR_API ? VectorDot.dot(q, data, base, dim) : scalarDot(q, data, base, dim);
    }

    // Eight independent accumulators let the CPU overlap multiply-adds; one accumulator serialises on its latency.
    static float scalarDot(float[] q, float[] data, int base, int dim) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        int limit = dim - 7;
        for (; j < limit; j += 8) {
            int b = base + j;
            s0 += q[j] * data[b];
            s1 += q[j + 1] * data[b + 1];
            s2 += q[j + 2] * data[b + 2];
            s3 += q[j + 3] * data[b + 3];
            s4 += q[j + 4] * data[b + 4];
            s5 += q[j + 5] * data[b + 5];
            s6 += q[j + 6] * data[b + 6];
            s7 += q[j + 7] * data[b + 7];
        }
        for (; j < dim; j++) {
            s0 += q[j] * data[base + j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** A bounded min-heap of (score, slot): the root is the weakest of the best k; ties prefer the smaller id. */
    private static final class TopK {
        private final int k;
        private final int[] slots;
        private final float[] scores;
        private final long[] ids;
        private int size;

        TopK(int k) {
            this.k = k;
            int cap = Math.min(k, 1 << 16);
            slots = new int[cap];
            scores = new float[cap];
            ids = new long[cap];
        }

        /** Whether a point must beat the root to enter. */
        boolean full() {
            return size >= k || size >= slots.length;
        }

        /** The k-th best score so far (when {@link #full}). */
        float threshold() {
            return scores[0];
        }

        void offer(int slot, float score, long id) {
            if (size < k && size < slots.length) {
                slots[size] = slot;
                scores[size] = score;
                ids[size] = id;
                siftUp(size++);
            } else if (size > 0 && better(score, id, scores[0], ids[0])) {
                slots[0] = slot;
                scores[0] = score;
                ids[0] = id;
                siftDown(0);
            }
        }

        private static boolean better(float s, long id, float s2, long id2) {
            return s > s2 || (s == s2 && id < id2);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!better(scores[parent], ids[parent], scores[i], ids[i])) {
                    break;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int worst = i;
                if (l < size && better(scores[worst], ids[worst], scores[l], ids[l])) {
                    worst = l;
                }
                if (r < size && better(scores[worst], ids[worst], scores[r], ids[r])) {
                    worst = r;
                }
                if (worst == i) {
                    return;
                }
                swap(i, worst);
                i = worst;
            }
        }

        private void swap(int a, int b) {
            int ts = slots[a];
            slots[a] = slots[b];
            slots[b] = ts;
            float tf = scores[a];
            scores[a] = scores[b];
            scores[b] = tf;
            long ti = ids[a];
            ids[a] = ids[b];
            ids[b] = ti;
        }

        /** The kept points, best first, with the payloads of their slots. */
        List<ScoredPoint> result(Map<String, String>[] payloads) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> better(scores[a], ids[a], scores[b], ids[b]) ? -1
                    : better(scores[b], ids[b], scores[a], ids[a]) ? 1 : 0);
            List<ScoredPoint> out = new ArrayList<>(size);
            for (int i : order) {
                out.add(new ScoredPoint(ids[i], scores[i], payloads[slots[i]]));
            }
            return out;
        }
    }
}
