package ai.datasuite.vectorindex.embedded;

/**
 * How many points a collection's arrays can hold. Its dense vectors are one {@code float[]} of points x dimension
 * entries, and a Java array holds at most {@link #MAX_ARRAY} entries, so a collection of dimension {@code d} holds at
 * most {@code MAX_ARRAY / d} points (5,592,405 at 384): growing past it would overflow {@code cap * dim} as an int.
 * The store refuses an upsert past {@link #maxPoints} before anything is written; the arithmetic here is in longs.
 */
final class Capacity {

    /** The largest array length every JVM allocates (the JDK's own soft limit, {@code ArraysSupport}). */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Capacity() {
    }

    /** The points the arrays can hold at {@code dim} dimensions (0: sparse only). */
    static int arrayLimit(int dim) {
        return dim <= 0 ? MAX_ARRAY : MAX_ARRAY / dim;
    }

    /** The points a collection may hold: the array limit, or less when {@code configured} (> 0) is smaller. */
    static long maxPoints(int dim, long configured) {
        long limit = arrayLimit(dim);
        return configured > 0 ? Math.min(configured, limit) : limit;
    }

    /**
     * The next capacity (in points) for at least {@code needed} points: half as much again as {@code current}, capped
     * at the array limit; an {@link IllegalStateException} when {@code needed} is past it (the store checks first).
     */
    static int grow(int current, long needed, int dim) {
        int limit = arrayLimit(dim);
        if (needed > limit) {
            throw new IllegalStateException("A collection of dimension " + dim + " holds at most " + limit
                    + " points");
        }
        long cap = Math.max(needed, current + (long) (current >> 1));
        return (int) Math.min(cap, limit);
    }

    /** Length of the dense array for {@code points} points (never overflows: callers stay within the limit). */
    static int floats(int points, int dim) {
        long floats = (long) points * dim;
        if (floats > MAX_ARRAY) {
            throw new IllegalStateException(points + " points of dimension " + dim + " do not fit in one array");
        }
        return (int) floats;
    }
}
