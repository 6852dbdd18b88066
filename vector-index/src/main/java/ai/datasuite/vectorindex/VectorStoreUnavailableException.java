package ai.datasuite.vectorindex;

/** A remote vector store (e.g. Qdrant) did not answer: it is down, unreachable or too slow. */
public class VectorStoreUnavailableException extends VectorStoreException {

    public VectorStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
