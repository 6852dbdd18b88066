package ai.datasuite.metadata.conversation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message as the API returns it. */
@Schema(name = "Message")
public record MessageView(
        long id,
        String conversationId,
        String role,
        String content,
        @Schema(description = "The cited sources as given, or null", nullable = true)
        List<Object> citations,
        @Schema(description = "-1, 0, 1, or null when not rated", nullable = true)
        Integer rating,
        Instant createdAt) {
}
