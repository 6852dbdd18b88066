package ai.datasuite.metadata.conversation;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** Body of {@code POST /api/v1/conversations/{id}/messages}. */
@Schema(name = "MessageCreate")
public record MessageCreateRequest(
        @NotNull @Pattern(regexp = "user|assistant", message = "must be one of user, assistant")
        @Schema(description = "Who said it", enumeration = {"user", "assistant"})
        String role,
        @NotBlank @Text(max = 20000, controls = true) @Schema(description = "1..20000 characters; line breaks allowed")
        String content,
        @Schema(description = "Optional: the sources an assistant answer cites, as the gateway shapes them (a JSON"
                + " array, stored and returned as given)")
        List<Object> citations) {
}
