package ai.datasuite.metadata.task;

import java.util.Locale;
import java.util.Optional;

/** The task import formats and how a content type or file name selects one. */
public enum ImportFormat {
    JSONL,
    CSV;

    // Constants so TaskResource's @Consumes and the switch below accept exactly the same types.
    public static final String NDJSON = "application/x-ndjson";
    public static final String JSONL_TYPE = "application/jsonl";
    public static final String X_JSONLINES = "application/x-jsonlines";
    public static final String JSONLINES = "application/jsonlines";
    public static final String TEXT_CSV = "text/csv";
    public static final String APPLICATION_CSV = "application/csv";

    public static Optional<ImportFormat> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon >= 0 ? type.substring(0, semicolon) : type).trim();
        return switch (type) {
            case NDJSON, JSONL_TYPE, X_JSONLINES, JSONLINES -> Optional.of(JSONL);
            case TEXT_CSV, APPLICATION_CSV -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }

    public static Optional<ImportFormat> fromFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
