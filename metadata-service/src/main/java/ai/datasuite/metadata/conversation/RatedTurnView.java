package ai.datasuite.metadata.conversation;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rated assistant answer with the user's question before it: one example of a fine-tune training set. */
@Schema(name = "RatedTurn")
public record RatedTurnView(
        String conversationId,
        @Schema(description = "The assistant message's id")
        long messageId,
        @Schema(description = "The nearest user message before the answer in its conversation")
        String question,
        String answer,
        @Schema(description = "-1, 0 or 1")
        int rating,
        @Schema(description = "When the answer was added")
        Instant createdAt) {
}
