package ai.datasuite.metadata.file;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** FileRecord entity to and from the API records; details travel as a JSON object but are stored as text. */
@ApplicationScoped
public class FileMapper {

    private final ObjectMapper objectMapper;

    public FileMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The entity for a create by {@code owner} (the caller's rule already applied to the body's owner_id). */
    public FileRecord toEntity(FileCreateRequest request, String owner) {
        FileRecord file = new FileRecord();
        file.setId(request.id().toLowerCase(Locale.ROOT));
        file.setOwnerId(owner);
        file.setOriginalName(request.originalName());
        file.setExtension(request.extension());
        file.setMediaType(request.mediaType());
        file.setNameMediaType(request.nameMediaType());
        file.setExtensionMismatch(Boolean.TRUE.equals(request.extensionMismatch()));
        file.setSizeBytes(request.sizeBytes());
        // Hex case is not meaningful; one spelling keeps the (owner_id, sha256) constraint honest.
        file.setSha256(request.sha256().toLowerCase(Locale.ROOT));
        file.setBucket(request.bucket());
        file.setObjectKey(request.objectKey());
        file.setDataType(request.dataType());
        file.setTags(request.tags() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(request.tags()));
        file.setTextKey(request.textKey());
        file.setTextLength(request.textLength());
        file.setTextTruncated(Boolean.TRUE.equals(request.textTruncated()));
        file.setDetails(request.details() == null ? null : request.details().toString());
        file.setTaskId(blankToNull(request.taskId()));
        file.setStatus(FileRecord.STATUS_STORED);
        return file;
    }

    public FileView toView(FileRecord file) {
        return new FileView(
                file.getId(),
                file.getOwnerId(),
                file.getOriginalName(),
                file.getExtension(),
                file.getMediaType(),
                file.getNameMediaType(),
                file.isExtensionMismatch(),
                file.getSizeBytes(),
                file.getSha256(),
                file.getBucket(),
                file.getObjectKey(),
                file.getDataType(),
                List.copyOf(file.getTags()).stream().sorted().toList(),
                file.getTextKey(),
                file.getTextLength(),
                file.isTextTruncated(),
                parseDetails(file.getDetails()),
                file.getTaskId(),
                file.getStatus(),
                file.getCreatedAt());
    }

    private JsonNode parseDetails(String details) {
        if (details == null) {
            return null;
        }
        try {
            return objectMapper.readTree(details);
        } catch (JsonProcessingException e) {
            // Only this service writes the column, so this means a hand-edited row; keep the rest of the record usable.
            return objectMapper.getNodeFactory().textNode(details);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
