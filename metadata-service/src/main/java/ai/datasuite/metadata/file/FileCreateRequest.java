package ai.datasuite.metadata.file;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/files}: everything ingest-service knows about one stored object. The owner the record
 * gets is decided from the verified caller ({@code Caller#ownerFor}), never from {@code owner_id} alone.
 */
@Schema(name = "FileCreate")
public record FileCreateRequest(
        @NotBlank @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String id,
        @Pattern(regexp = OWNER_PATTERN, message = OWNER_MESSAGE)
        @Schema(description = "Optional: the caller when left out; only an admin or a service may name another owner")
        String ownerId,
        @NotBlank @Size(max = 1024) String originalName,
        @Size(max = 64) String extension,
        @NotBlank @Size(max = 255) String mediaType,
        @Size(max = 255) String nameMediaType,
        Boolean extensionMismatch,
        @NotNull @PositiveOrZero Long sizeBytes,
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal characters") String sha256,
        @NotBlank @Size(max = 63) String bucket,
        @NotBlank @Size(max = 1024) String objectKey,
        @Size(max = 64) String dataType,
        @Size(max = 100) List<@NotBlank @Size(max = 64) String> tags,
        @Size(max = 1024) String textKey,
        @PositiveOrZero Long textLength,
        Boolean textTruncated,
        @Schema(implementation = Object.class,
                description = "Analysis facts (image size, zip entries, PDB header, ...) as a JSON object")
        ObjectNode details,
        @Size(max = 255) String taskId) {

    /** A file id (and a dataset id): a UUID in either case. */
    public static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    /** An owner: ingest-service's rule for user ids, which become S3 key segments (so never "." or ".."). */
    public static final String OWNER_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,127}";
    public static final String OWNER_MESSAGE =
            "must be 1-128 letters, digits or . _ @ -, starting with a letter or digit";
}
