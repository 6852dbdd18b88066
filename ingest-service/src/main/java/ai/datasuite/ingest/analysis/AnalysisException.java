package ai.datasuite.ingest.analysis;

/** A file that cannot be analysed, with a message meant for the person who uploaded it. */
public class AnalysisException extends Exception {

    public enum Kind {
        /** The content is of a type we do not accept (or empty, or unrecognisable binary). */
        UNSUPPORTED_TYPE,
        /** An archive breaks a safety limit (entries, size, compression ratio, nesting). */
        ARCHIVE_LIMIT,
        /** The type is supported but the file could not be read (damaged, encrypted...). */
        MALFORMED
    }

    private final Kind kind;

    public AnalysisException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AnalysisException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
