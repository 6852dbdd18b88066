package ai.datasuite.metadata.document;

import java.util.List;

/** The states of a document's indexing, as stored and as the API spells them. */
public final class DocumentStatus {

    public static final String INDEXING = "indexing";
    public static final String READY = "ready";
    public static final String FAILED = "failed";
    public static final List<String> ALL = List.of(INDEXING, READY, FAILED);
    /** For {@code @Pattern}: one of {@link #ALL}. */
    public static final String PATTERN = "indexing|ready|failed";
    public static final String MESSAGE = "must be one of indexing, ready, failed";

    private DocumentStatus() {
    }
}
