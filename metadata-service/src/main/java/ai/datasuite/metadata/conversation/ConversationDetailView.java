package ai.datasuite.metadata.conversation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A conversation with its last {@code window} messages, oldest of them first. */
@Schema(name = "ConversationWithMessages")
public record ConversationDetailView(
        String id,
        String owner,
        String title,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "All messages of the conversation, also those outside the window")
        long messageCount,
        @Schema(description = "The last window messages, in the order they were added")
        List<MessageView> messages) {
}
