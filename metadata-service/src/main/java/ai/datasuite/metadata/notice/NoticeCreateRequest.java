package ai.datasuite.metadata.notice;

import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** Body of {@code POST /api/v1/notices}; the author is the caller. */
@Schema(name = "NoticeCreate")
public record NoticeCreateRequest(
        @NotBlank @Text(max = 200) @Schema(description = "1..200 characters, no control characters")
        String title,
        @NotBlank @Text(max = 20000, controls = true) @Schema(description = "1..20000 characters; line breaks allowed")
        String body) {
}
