package ai.datasuite.metadata.conversation;

import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;
import ai.datasuite.metadata.file.FileCreateRequest;

/** Body of {@code POST /api/v1/conversations}; both fields optional (an empty object is a valid body). */
@Schema(name = "ConversationCreate")
public record ConversationCreateRequest(
        @Text(max = 200) @Schema(description = "Optional, at most 200 characters, no control characters")
        String title,
        @Pattern(regexp = FileCreateRequest.OWNER_PATTERN, message = FileCreateRequest.OWNER_MESSAGE)
        @Schema(description = "Optional owner: the caller when left out; only an admin may name another user")
        String owner) {
}
