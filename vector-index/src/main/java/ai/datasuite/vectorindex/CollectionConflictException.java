package ai.datasuite.vectorindex;

/** {@link VectorStore#ensureCollection} met a collection of that name with another dimension or sparse setting. */
public class CollectionConflictException extends VectorStoreException {

    public CollectionConflictException(String collection, int dimension, boolean sparse) {
        super("Collection " + collection + " exists with dimension " + dimension + " and sparse=" + sparse, null);
    }
}
