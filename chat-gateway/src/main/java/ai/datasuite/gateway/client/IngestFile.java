package ai.datasuite.gateway.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored file as ingest-service answers it (the fields the gateway reads; others are ignored). */
public record IngestFile(String id, String ownerId, String originalName, String extension, String mediaType,
                         long sizeBytes, String sha256, String dataType, List<String> tags, Long textLength,
                         boolean textTruncated, Map<String, Object> details, String status, Instant createdAt) {
}
