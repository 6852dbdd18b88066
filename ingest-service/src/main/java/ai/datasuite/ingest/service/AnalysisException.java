package ai.datasuite.ingest.service;

public class AnalysisException extends Exception {

    public enum Kind { UNSUPPORTED_TYPE, ARCHIVE_LIMIT, MALFORMED }

    private final Kind kind;

    public AnalysisException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
