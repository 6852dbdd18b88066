package ai.datasuite.vectorindex.embedded;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import ai.datasuite.vectorindex.SparseVector;

/**
 * The sparse vectors of a collection by term: term -> postings (the slots holding it and their weights). Changes are
 * incremental: each slot remembers where each of its terms sits in that term's postings, so removing a slot or moving
 * it to another slot touches only its own terms (no rebuild). The order inside a postings list carries no meaning.
 */
final class InvertedIndex {

    private final Map<Integer, Postings> terms = new HashMap<>();
    /** Per slot: its terms (the sparse vector's sorted indices), or null when it has none. */
    private int[][] termsOf = new int[16][];
    /** Per slot: for each of its terms, the position of its entry in that term's postings. */
    private int[][] positionsOf = new int[16][];
    private long entries;

    /** Postings of one sparse term: the slots holding it and their weights, in no particular order. */
    static final class Postings {
        int[] slots = new int[4];
        float[] values = new float[4];
        int size;

        int add(int slot, float value) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            slots[size] = slot;
            values[size] = value;
            return size++;
        }
    }

    /** Adds the terms of the vector at {@code slot} (nothing when it is null); the slot must hold no terms yet. */
    void add(int slot, SparseVector s) {
        if (s == null) {
            return;
        }
        ensureSlots(slot + 1);
        int[] idx = s.indices();
        int[] positions = new int[idx.length];
        for (int j = 0; j < idx.length; j++) {
            positions[j] = terms.computeIfAbsent(idx[j], t -> new Postings()).add(slot, s.values()[j]);
        }
        termsOf[slot] = idx;
        positionsOf[slot] = positions;
        entries += idx.length;
    }

    /** Removes the postings of {@code slot}: each entry is swapped with its list's last one, whose slot is told. */
    void remove(int slot) {
        if (slot >= termsOf.length || termsOf[slot] == null) {
            return;
        }
        int[] idx = termsOf[slot];
        int[] positions = positionsOf[slot];
        for (int j = 0; j < idx.length; j++) {
            Postings p = terms.get(idx[j]);
            int at = positions[j];
            int last = --p.size;
            if (at != last) {
                int moved = p.slots[last];
                p.slots[at] = moved;
                p.values[at] = p.values[last];
                positionsOf[moved][Arrays.binarySearch(termsOf[moved], idx[j])] = at;
            }
            if (p.size == 0) {
                terms.remove(idx[j]);
            } else if (p.size < p.slots.length >> 2 && p.slots.length > 16) {
                p.slots = Arrays.copyOf(p.slots, p.slots.length >> 1); // give memory back after mass deletes
                p.values = Arrays.copyOf(p.values, p.values.length >> 1);
            }
        }
        entries -= idx.length;
        termsOf[slot] = null;
        positionsOf[slot] = null;
    }

    /** Renumbers slot {@code from} as {@code to} (which must hold no terms): the store compacts its slots. */
    void move(int from, int to) {
        if (from >= termsOf.length || termsOf[from] == null) {
            return;
        }
        ensureSlots(to + 1);
        int[] idx = termsOf[from];
        int[] positions = positionsOf[from];
        for (int j = 0; j < idx.length; j++) {
            terms.get(idx[j]).slots[positions[j]] = to;
        }
        termsOf[to] = idx;
        positionsOf[to] = positions;
        termsOf[from] = null;
        positionsOf[from] = null;
    }

    /** The postings of {@code term}, or null when no point has it. */
    Postings get(int term) {
        return terms.get(term);
    }

    /** Distinct terms held. */
    int termCount() {
        return terms.size();
    }

    /** Postings entries held (one per term of each point). */
    long entryCount() {
        return entries;
    }

    /** Bytes held by the postings arrays (their capacity) and each entry's position. */
    long memoryBytes() {
        long bytes = 0;
        for (Postings p : terms.values()) {
            bytes += (long) p.slots.length * (Integer.BYTES + Float.BYTES);
        }
        return bytes + entries * Integer.BYTES + (long) termsOf.length * 2 * 8;
    }

    private void ensureSlots(int needed) {
        if (needed > termsOf.length) {
            int cap = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(needed, termsOf.length + (long) (termsOf.length >> 1)));
            termsOf = Arrays.copyOf(termsOf, cap);
            positionsOf = Arrays.copyOf(positionsOf, cap);
        }
    }
}
