package ai.datasuite.vectorindex;

/** A failure of a {@link VectorStore} that its caller may answer to (the subclasses say which). */
public abstract class VectorStoreException extends RuntimeException {

    protected VectorStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
