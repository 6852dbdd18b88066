package ai.datasuite.metadata.file;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored file as the API returns it. */
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
        @Schema(implementation = Object.class) JsonNode details,
        String taskId,
        String status,
        Instant createdAt) {
}
