package ai.datasuite.ingest.service;

import java.util.List;
import java.util.Map;

public record Analysis(String mediaType, String nameMediaType, boolean extensionMismatch, String extension,
                       long textLength, boolean textTruncated, boolean hasText, Map<String, Object> details,
                       List<String> notes) {
}
