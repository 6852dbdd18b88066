package ai.datasuite.metadata.dataset;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;
import ai.datasuite.metadata.file.FileCreateRequest;

/**
 * Body of {@code POST /api/v1/datasets}: what retrieval-service learnt while validating an uploaded Q&A CSV whose bytes
 * ingest-service stored as {@code file_id}. {@code id} is optional: a caller that chooses it can retry the create
 * safely (the same body again answers 200).
 */
@Schema(name = "DatasetCreate")
public record DatasetCreateRequest(
        @Pattern(regexp = FileCreateRequest.UUID_PATTERN, message = "must be a UUID")
        @Schema(description = "Optional UUID chosen by the caller (makes retries idempotent); generated when absent")
        String id,
        @NotBlank @Text(max = 200) @Schema(description = "1..200 characters, no control characters")
        String name,
        @NotBlank @Pattern(regexp = FileCreateRequest.UUID_PATTERN, message = "must be a UUID")
        @Schema(description = "The stored file holding the CSV; it must exist in the file catalogue")
        String fileId,
        @NotNull @Min(1) Integer rows,
        @NotNull @Min(1) @Schema(description = "Distinct context texts; at most rows")
        Integer distinctContexts,
        @NotEmpty @Size(max = 100) @Schema(description = "The CSV header, in file order")
        List<@NotBlank @Text(max = 200) String> columns,
        @Pattern(regexp = FileCreateRequest.OWNER_PATTERN, message = FileCreateRequest.OWNER_MESSAGE)
        @Schema(description = "Optional owner (a user id as ingest-service accepts it): the caller when left out;"
                + " only an admin or a service may name another user")
        String owner) {
}
