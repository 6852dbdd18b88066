package ai.datasuite.gateway.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import ai.datasuite.gateway.client.MetadataConversations.Message;
import ai.datasuite.gateway.client.RetrievalSearchResult;

/**
 * One chat turn, ready to answer: who asks (the caller's identity, signed again for calls made after the response
 * began), for whose documents, with what history, what was found, and which model would answer. The conversation
 * (created, and the question recorded in it) may still be on its way: it runs beside the search and the LLM's first
 * token, and is waited for before the answer is recorded.
 */
public record Turn(String user, String role, String owner, CompletableFuture<String> conversation, String question,
                   List<Message> history, RetrievalSearchResult found, CompletableFuture<List<Citation>> sources,
                   String model) {

    /** The citations, with their document ids once looked up (without them if the lookup failed). */
    public List<Citation> citations() {
        return sources.join();
    }

    public boolean nothingFound() {
        return found.results().isEmpty();
    }

    /** The conversation's id if it was made and the question recorded in it, else null (never waits long). */
    public String conversationIdIfRecorded() {
        try {
            return conversation.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    /** The conversation's id once the question is recorded in it; its failure (e.g. a ProblemException) as thrown. */
    public String conversationId() {
        try {
            return conversation.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
