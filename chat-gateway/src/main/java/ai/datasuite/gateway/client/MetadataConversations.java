package ai.datasuite.gateway.client;

import java.time.Instant;
import java.util.List;

/** metadata-service's chat memory as the gateway reads and writes it (its own records of the remote shapes). */
public final class MetadataConversations {

    private MetadataConversations() {
    }

    /** Body of {@code POST /api/v1/conversations}: owner null means the caller. */
    public record NewConversation(String title, String owner) {
    }

    /** A conversation; {@code messages} and {@code message_count} only when read with a window. */
    public record Conversation(String id, String owner, String title, Instant createdAt, Instant updatedAt,
                               Long messageCount, List<Message> messages) {

        public Conversation {
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }

    /** Body of {@code POST /api/v1/conversations/{id}/messages}; role {@code user} or {@code assistant}. */
    public record NewMessage(String role, String content, List<?> citations) {
    }

    /** A stored message. */
    public record Message(long id, String conversationId, String role, String content, List<Object> citations,
                          Integer rating, Instant createdAt) {
    }
}
