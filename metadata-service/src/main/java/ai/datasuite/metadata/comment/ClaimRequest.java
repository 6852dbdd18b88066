package ai.datasuite.metadata.comment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** Body of {@code POST /api/v1/comments/claims}: a batch worker asks for pending comments under a lease. */
@Schema(name = "CommentClaim")
public record ClaimRequest(
        @NotBlank @Text(max = 100) @Schema(description = "The worker's unique name (one per running job)")
        String worker,
        @NotNull @Min(1) @Max(500) Integer limit,
        @NotNull @Min(1) @Max(3600) Integer leaseSeconds,
        @NotNull @Min(1) @Max(100)
        @Schema(description = "Rows with this many attempts are not claimed; a row failing its last attempt is failed")
        Integer maxAttempts) {
}
