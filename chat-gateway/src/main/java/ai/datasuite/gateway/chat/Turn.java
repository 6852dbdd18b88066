package ai.datasuite.gateway.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import ai.datasuite.gateway.client.MetadataConversations.Message;
import ai.datasuite.gateway.client.RetrievalSearchResult;

/**
 * One chat turn, ready to answer: who asks (the caller's identity, signed again for calls made after the response
 * began), for whose documents, with what history, what was found, and which model would answer. Recording the
 * question in the conversation (made if new) and naming the cited documents start with {@link #startRecording} (once
 * the LLM has the prompt) or with the first read of their results.
 */
public record Turn(String user, String role, String owner, CompletableFuture<String> conversation, String question,
                   List<Message> history, RetrievalSearchResult found, CompletableFuture<List<Citation>> sources,
                   Runnable recording, String model) {

    /** Starts recording the question and naming the cited documents (once; later calls do nothing). */
    public void startRecording() {
        recording.run();
    }

    /** The citations, with their document ids once looked up (without them if the lookup failed). */
    public List<Citation> citations() {
        startRecording();
        return sources.join();
    }

    public boolean nothingFound() {
        return found.results().isEmpty();
    }

    /** The conversation's id if it was made and the question recorded in it, else null (never waits long). */
    public String conversationIdIfRecorded() {
        startRecording();
        try {
            return conversation.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    /** The conversation's id once the question is recorded in it; its failure (e.g. a ProblemException) as thrown. */
    public String conversationId() {
        startRecording();
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
