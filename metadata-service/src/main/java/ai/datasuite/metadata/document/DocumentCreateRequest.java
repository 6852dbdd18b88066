package ai.datasuite.metadata.document;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;
import ai.datasuite.metadata.file.FileCreateRequest;

/** Body of {@code POST /api/v1/documents}: chat-gateway records an upload before it indexes the text. */
@Schema(name = "DocumentCreate")
public record DocumentCreateRequest(
        @NotBlank @Pattern(regexp = FileCreateRequest.UUID_PATTERN, message = "must be a UUID")
        @Schema(description = "ingest-service's id of the stored file; one document per owner and file")
        String fileId,
        @NotBlank @Text(max = 255) @Schema(description = "The file name, 1..255 characters, no control characters")
        String name,
        @NotBlank @Text(max = 64) @Schema(description = "The upload's data type (e.g. text/csv), 1..64 characters")
        String dataType,
        @Pattern(regexp = FileCreateRequest.OWNER_PATTERN, message = FileCreateRequest.OWNER_MESSAGE)
        @Schema(description = "Optional owner: the caller when left out; only an admin or a service may name another"
                + " user")
        String owner) {
}
