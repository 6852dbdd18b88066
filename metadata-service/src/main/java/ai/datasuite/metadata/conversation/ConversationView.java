package ai.datasuite.metadata.conversation;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A conversation without its messages, as listings return it. */
@Schema(name = "Conversation")
public record ConversationView(String id, String owner, String title, Instant createdAt, Instant updatedAt) {

    static ConversationView of(Conversation c) {
        return new ConversationView(c.getId(), c.getOwnerId(), c.getTitle(), c.getCreatedAt(), c.getUpdatedAt());
    }
}
