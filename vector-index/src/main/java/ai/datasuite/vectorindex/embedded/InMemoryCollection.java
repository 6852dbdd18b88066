package ai.datasuite.vectorindex.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;

/**
 * One collection in memory: parallel arrays indexed by slot (ids, one contiguous {@code float[]} of n x dim dense
 * vectors, sparse vectors, payloads), the id -> slot map and the {@link InvertedIndex}; its files are its
 * {@link SegmentLog}. Not thread-safe itself: the store holds {@link #lock} (read to search, write to change).
 */
final class InMemoryCollection {

    final SegmentLog log;
    final int dim;
    final boolean sparse;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    int size;
    long[] ids = new long[16];
    float[] dense;
    /** The dense vectors in one byte a component, what a search streams first ({@link Int8Codes}). */
    final Int8Codes codes;
    boolean[] hasDense = new boolean[16];
    SparseVector[] sparseVectors = new SparseVector[16];
    @SuppressWarnings("unchecked")
    Map<String, String>[] payloads = new Map[16];
    final Map<Long, Integer> slotOf = new HashMap<>();
    final InvertedIndex inverted = new InvertedIndex();

    InMemoryCollection(SegmentLog log, int dim, boolean sparse) {
        this.log = log;
        this.dim = dim;
        this.sparse = sparse;
        this.dense = new float[Capacity.floats(16, dim)];
        this.codes = new Int8Codes(dim, 16, dense.length);
    }

    /** Rejects a point this collection cannot hold (negative id, wrong dimension, malformed sparse vector). */
    void check(VectorPoint p) {
        if (p.id() < 0) {
            throw new IllegalArgumentException("Point ids must be non-negative: " + p.id());
        }
        if (p.dense() != null && p.dense().length != dim) {
            throw new IllegalArgumentException("Point " + p.id() + " has dimension " + p.dense().length
                    + ", the collection " + dim);
        }
        if (p.sparse() != null) {
            if (!sparse) {
                throw new IllegalArgumentException("The collection has no sparse vectors");
            }
            int[] idx = p.sparse().indices();
            if (idx.length != p.sparse().values().length) {
                throw new IllegalArgumentException("Sparse indices and values differ in length");
            }
            for (int i = 1; i < idx.length; i++) {
                if (idx[i] <= idx[i - 1]) {
                    throw new IllegalArgumentException("Sparse indices must be strictly increasing");
                }
            }
        }
    }

    /** Ids among {@code points} that are not in the collection yet (each counted once). */
    long newIds(List<VectorPoint> points) {
        Set<Long> fresh = new HashSet<>();
        for (VectorPoint p : points) {
            if (!slotOf.containsKey(p.id())) {
                fresh.add(p.id());
            }
        }
        return fresh.size();
    }

    /** Inserts or replaces the points (by id); a replaced point's postings are replaced, nothing else is touched. */
    void apply(List<VectorPoint> points) {
        for (VectorPoint p : points) {
            Integer existing = slotOf.get(p.id());
            int slot;
            if (existing != null) {
                slot = existing;
                inverted.remove(slot);
            } else {
                slot = size;
                grow(size + 1);
                size++;
                slotOf.put(p.id(), slot);
            }
            ids[slot] = p.id();
            hasDense[slot] = p.dense() != null;
            if (p.dense() != null) {
                System.arraycopy(p.dense(), 0, dense, slot * dim, dim);
                codes.set(slot, p.dense());
            } else if (dim > 0) {
                Arrays.fill(dense, slot * dim, (slot + 1) * dim, 0f);
                codes.clear(slot);
            }
            sparseVectors[slot] = p.sparse();
            payloads[slot] = copyPayload(p.payload());
            inverted.add(slot, p.sparse());
        }
    }

    /**
     * Removes the points with these ids (absent ones are skipped). Incremental: each removed slot takes the last
     * slot's point, so only the removed and the moved points' vectors and postings are touched, never the whole
     * index. Slot order therefore changes; nothing depends on it (ties in a search go to the smaller id).
     */
    void remove(List<Long> removed) {
        for (long id : removed) {
            Integer at = slotOf.remove(id);
            if (at == null) {
                continue;
            }
            int slot = at;
            int last = size - 1;
            inverted.remove(slot);
            if (slot != last) {
                ids[slot] = ids[last];
                hasDense[slot] = hasDense[last];
                if (dim > 0) {
                    System.arraycopy(dense, last * dim, dense, slot * dim, dim);
                    codes.move(last, slot);
                }
                sparseVectors[slot] = sparseVectors[last];
                payloads[slot] = payloads[last];
                slotOf.put(ids[slot], slot);
                inverted.move(last, slot);
            }
            sparseVectors[last] = null;
            payloads[last] = null;
            size = last;
        }
    }

    /** Every point, in slot order (what a snapshot holds). */
    List<VectorPoint> points() {
        List<VectorPoint> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(point(i));
        }
        return all;
    }

    /** The point in {@code slot}, its dense vector copied. */
    VectorPoint point(int slot) {
        return new VectorPoint(ids[slot], hasDense[slot] ? Arrays.copyOfRange(dense, slot * dim, (slot + 1) * dim)
                : null, sparseVectors[slot], payloads[slot]);
    }

    /** Slots whose payload matches every filter entry; null means all (no filter). */
    boolean[] matching(Map<String, String> filter) {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        boolean[] ok = new boolean[size];
        for (int i = 0; i < size; i++) {
            boolean match = true;
            for (Map.Entry<String, String> e : filter.entrySet()) {
                if (!e.getValue().equals(payloads[i].get(e.getKey()))) {
                    match = false;
                    break;
                }
            }
            ok[i] = match;
        }
        return ok;
    }

    /** Bytes of the vectors (dense array and its codes, ids and postings; payloads not counted). */
    long memoryBytes() {
        return (long) dense.length * Float.BYTES + codes.memoryBytes() + (long) ids.length * Long.BYTES
                + inverted.memoryBytes();
    }

    private static Map<String, String> copyPayload(Map<String, String> payload) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (payload != null) {
            payload.forEach((key, value) -> {
                if (key != null && value != null) {
                    copy.put(key, value);
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    private void grow(int needed) {
        if (needed <= ids.length) {
            return;
        }
        int cap = Capacity.grow(ids.length, needed, dim);
        ids = Arrays.copyOf(ids, cap);
        hasDense = Arrays.copyOf(hasDense, cap);
        sparseVectors = Arrays.copyOf(sparseVectors, cap);
        payloads = Arrays.copyOf(payloads, cap);
        dense = Arrays.copyOf(dense, Capacity.floats(cap, dim));
        codes.grow(cap, dense.length);
    }
}
