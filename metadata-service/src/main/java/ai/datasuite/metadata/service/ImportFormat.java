package ai.datasuite.metadata.service;

import java.util.Locale;
import java.util.Optional;

/** The task import formats and how a content type or file name selects one. */
public enum ImportFormat {
    JSONL,
    CSV;

    public static Optional<ImportFormat> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon >= 0 ? type.substring(0, semicolon) : type).trim();
        return switch (type) {
            case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines" ->
                    Optional.of(JSONL);
            case "text/csv", "application/csv" -> Optional.of(CSV);
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
