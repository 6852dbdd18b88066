package ai.datasuite.ingest.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A file record as metadata-service returns it (ingest keeps its own copy of the remote shape). */
public record RemoteFile(
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
        String taskId,
        String status,
        Instant createdAt) {
}
