package ai.datasuite.vectorindex.embedded;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import ai.datasuite.vectorindex.SparseVector;

/** The sparse vectors of a collection by term: term -> postings (the slots holding it and their weights). */
final class InvertedIndex {

    private final Map<Integer, Postings> terms = new HashMap<>();

    /** Postings of one sparse term: the slots holding it and their weights, in insertion order. */
    static final class Postings {
        int[] slots = new int[4];
        float[] values = new float[4];
        int size;

        void add(int slot, float value) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            slots[size] = slot;
            values[size++] = value;
        }
    }

    /** Adds the terms of the vector at {@code slot} (nothing when it is null). */
    void add(int slot, SparseVector s) {
        if (s == null) {
            return;
        }
        for (int j = 0; j < s.indices().length; j++) {
            terms.computeIfAbsent(s.indices()[j], t -> new Postings()).add(slot, s.values()[j]);
        }
    }

    /** The postings of {@code term}, or null when no point has it. */
    Postings get(int term) {
        return terms.get(term);
    }

    void clear() {
        terms.clear();
    }

    /** Bytes held by the postings arrays (their capacity). */
    long memoryBytes() {
        long bytes = 0;
        for (Postings p : terms.values()) {
            bytes += (long) p.slots.length * (Integer.BYTES + Float.BYTES);
        }
        return bytes;
    }
}
