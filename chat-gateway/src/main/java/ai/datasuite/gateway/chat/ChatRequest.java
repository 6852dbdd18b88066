package ai.datasuite.gateway.chat;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/chat}. Limits are checked by {@link ChatRequests} (they are configurable). */
@Schema(name = "ChatRequest")
public record ChatRequest(
        @Schema(description = "Whose documents to ask; left out, the caller's. Only an admin may name another user"
                + " (403 otherwise).", example = "alice")
        String userId,
        @Schema(description = "The question (1..gateway.chat.max-query-chars characters, 2000 by default)",
                required = true, example = "When is the library closed?")
        String query,
        @Schema(description = "Continue this conversation (its last messages are the chat's memory); left out, a new"
                + " one is started", example = "7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d")
        String conversationId,
        @Schema(description = "true: answer as server-sent events (token ..., citations, done)", example = "false")
        Boolean stream,
        @Schema(description = "How many chunks to retrieve (1..gateway.chat.max-top-k; gateway.chat.top-k by"
                + " default)", example = "3")
        Integer topK) {

    public boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }
}
