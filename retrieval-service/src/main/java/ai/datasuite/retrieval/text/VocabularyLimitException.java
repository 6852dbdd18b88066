package ai.datasuite.retrieval.text;

/**
 * A fit found more distinct terms than it may hold (the vocabulary is counted in memory before any pruning); thrown as
 * soon as the limit is passed, so the memory a fit takes stays bounded. Not an {@link IllegalArgumentException}:
 * that one means the parameters leave nothing to index.
 */
public class VocabularyLimitException extends RuntimeException {

    private final int maxTerms;
    private final int documentsRead;

    public VocabularyLimitException(int maxTerms, int documentsRead) {
        super("More than " + maxTerms + " distinct terms after " + documentsRead + " documents");
        this.maxTerms = maxTerms;
        this.documentsRead = documentsRead;
    }

    public int maxTerms() {
        return maxTerms;
    }

    public int documentsRead() {
        return documentsRead;
    }
}
