package ai.datasuite.ingest.client;

import java.util.List;
import java.util.Map;

/** The body of metadata-service's {@code POST /api/v1/files}; the id is ours, so a retried create is idempotent. */
public record NewFile(
        String id,
        String ownerId,
        String originalName,
        String extension,
        String mediaType,
        String nameMediaType,
        boolean extensionMismatch,
        long sizeBytes,
        String sha256,
        String bucket,
        String objectKey,
        String dataType,
        List<String> tags,
        String textKey,
        Long textLength,
        boolean textTruncated,
        Map<String, Object> details,
        String taskId) {
}
