package ai.datasuite.vectorindex;

/** An operation that needs the collection (an upsert) found none of that name. */
public class CollectionNotFoundException extends VectorStoreException {

    public CollectionNotFoundException(String collection) {
        super("No vector collection " + collection, null);
    }
}
