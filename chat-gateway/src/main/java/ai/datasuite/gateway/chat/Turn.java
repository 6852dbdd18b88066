package ai.datasuite.gateway.chat;

import java.util.List;

import ai.datasuite.gateway.client.MetadataConversations.Message;
import ai.datasuite.gateway.client.RetrievalSearchResult;

/**
 * One chat turn after its question was recorded: who asks (the caller's identity, signed again for calls made after
 * the response began), for whose documents, in which conversation, with what history, what was found, and which
 * model would answer.
 */
public record Turn(String user, String role, String owner, String conversationId, String question, List<Message> history,
            RetrievalSearchResult found, List<Citation> citations, String model) {

    public boolean nothingFound() {
        return found.results().isEmpty();
    }
}
