package ai.datasuite.vectorindex;

/**
 * An upsert that would take a collection past the points it may hold: the store's configured limit, or the most its
 * in-memory arrays can address at the collection's dimension. Nothing of the upsert was written.
 */
public class CollectionFullException extends VectorStoreException {

    private final String collection;
    private final long maxPoints;
    private final long requested;
    private final int dimension;

    public CollectionFullException(String collection, long maxPoints, long requested, int dimension) {
        super("Collection " + collection + " holds at most " + maxPoints + " points of dimension " + dimension
                + "; the upsert would make it " + requested, null);
        this.collection = collection;
        this.maxPoints = maxPoints;
        this.requested = requested;
        this.dimension = dimension;
    }

    public String collection() {
        return collection;
    }

    /** The most points the collection may hold. */
    public long maxPoints() {
        return maxPoints;
    }

    /** The points it would have held after the refused upsert. */
    public long requested() {
        return requested;
    }

    public int dimension() {
        return dimension;
    }
}
