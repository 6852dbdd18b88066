package ai.datasuite.ingest.file;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.ingest.client.RemoteFile;

/**
 * A stored file as ingest-service answers it: its record in metadata-service (the system of record), in ingest's own
 * type so that a change of the remote shape is a change of this mapping, never silently of ingest's API.
 */
@Schema(name = "File")
public record FileView(
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

    static FileView of(RemoteFile file) {
        return new FileView(file.id(), file.ownerId(), file.originalName(), file.extension(), file.mediaType(),
                file.nameMediaType(), file.extensionMismatch(), file.sizeBytes(), file.sha256(), file.bucket(),
                file.objectKey(), file.dataType(), file.tags(), file.textKey(), file.textLength(),
                file.textTruncated(), file.details(), file.taskId(), file.status(), file.createdAt());
    }
}
