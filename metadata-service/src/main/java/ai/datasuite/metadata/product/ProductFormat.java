package ai.datasuite.metadata.product;

import java.util.Locale;
import java.util.Optional;

/** The product import formats, named by {@code ?format=} or else by the body's content type. */
public enum ProductFormat {
    CSV,
    JSONL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code csv} or {@code jsonl}; anything else is empty. */
    public static Optional<ProductFormat> fromParameter(String value) {
        return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "jsonl", "ndjson" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }

    public static Optional<ProductFormat> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon >= 0 ? type.substring(0, semicolon) : type).trim();
        return switch (type) {
            case "text/csv", "application/csv" -> Optional.of(CSV);
            case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines"
                    -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }
}
