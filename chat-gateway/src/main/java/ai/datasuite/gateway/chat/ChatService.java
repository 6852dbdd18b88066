package ai.datasuite.gateway.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.infrastructure.Infrastructure;

import dev.langchain4j.model.chat.request.ChatRequest.Builder;
import dev.langchain4j.model.chat.response.ChatResponse;

import ai.datasuite.gateway.client.MetadataConversations.Message;
import ai.datasuite.gateway.client.MetadataConversations.NewConversation;
import ai.datasuite.gateway.client.MetadataConversations.NewMessage;
import ai.datasuite.gateway.client.MetadataConversationsClient;
import ai.datasuite.gateway.client.MetadataDocumentsClient;
import ai.datasuite.gateway.client.RetrievalClient;
import ai.datasuite.gateway.client.RetrievalSearchRequest;
import ai.datasuite.gateway.client.RetrievalSearchResult;
import ai.datasuite.gateway.config.ChatConfig;
import ai.datasuite.gateway.llm.ChatModels;
import ai.datasuite.gateway.llm.LlmFailure;
import ai.datasuite.gateway.llm.ModelChoice;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;

/**
 * The RAG chat: checks the request, reads the conversation's memory, retrieves the caller's chunks and the notices,
 * records the question (beside the search and the LLM's first token, and whatever the LLM does), answers with the LLM
 * or extractively, and records the answer with its citations.
 */
@ApplicationScoped
public class ChatService {

    static final String USER = "user";
    static final String ASSISTANT = "assistant";
    static final String NO_LLM_NOTE = "No LLM is configured, so this answer quotes your documents and the notices;"
            + " set SUITE_LLM_BASE_URL (an OpenAI-compatible server such as llama.cpp, vLLM or Ollama) or"
            + " SUITE_LLM_API_KEY (OpenAI) to answer with an LLM.";
    static final String NOTHING_NOTE = "Nothing in your documents or the notices matches the question, so no LLM"
            + " was asked.";
    private static final Logger LOG = Logger.getLogger(ChatService.class);

    private final ChatConfig config;
    private final MetadataConversationsClient conversations;
    private final MetadataDocumentsClient documents;
    private final RetrievalClient retrieval;
    private final ChatModels models;
    private final ModelChoice modelChoice;
    private final Prompt prompt;
    private final Executor workers = Infrastructure.getDefaultWorkerPool();

    public ChatService(ChatConfig config, MetadataConversationsClient conversations,
                       MetadataDocumentsClient documents, RetrievalClient retrieval, ChatModels models,
                       ModelChoice modelChoice, Prompt prompt) {
        this.config = config;
        this.conversations = conversations;
        this.documents = documents;
        this.retrieval = retrieval;
        this.models = models;
        this.modelChoice = modelChoice;
        this.prompt = prompt;
    }

    /**
     * Everything before the answer: 400 for bad input, 403 for another user's user_id (not admin), 404 for an
     * unknown or foreign conversation. Without an LLM the question is stored when this returns; with one, storing
     * it starts once the LLM has the prompt, and the answer waits for it.
     */
    public Turn begin(ChatRequest request, Caller caller) {
        ChatRequests.validate(request, config);
        String owner = caller.ownerFor(request.userId(), "user_id");
        String user = caller.id();
        String role = caller.role();
        String question = request.query().strip();
        String asked = request.conversationId();
        // Time to the first token counts: the memory and the search run side by side (each call signs the caller
        // explicitly, so no request context is needed on the worker threads).
        CompletableFuture<List<Message>> history = asked == null ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> conversations.get(asked, config.memoryWindow(), user, role)
                        .orElseThrow(() -> ProblemException.notFound("No conversation " + asked)).messages(), workers);
        int topK = request.topK() == null ? config.topK() : request.topK();
        // Highlights (answer sentences) cost an embedding per sentence; an LLM answer does not need them.
        int highlights = models.configured() ? 0 : config.highlights();
        CompletableFuture<RetrievalSearchResult> search = CompletableFuture.supplyAsync(() -> retrieval.search(
                RetrievalSearchRequest.withPublic(owner, question, topK, highlights), user, role), workers);
        String model = modelChoice.modelFor(owner);
        RetrievalSearchResult found = join(search);
        List<Message> memory = join(history);
        List<Citation> cited = Citations.of(found, config.citationTextChars());
        // Recording the question (and naming the cited documents) starts once the LLM has the prompt, so that it
        // does not compete for the CPU before the first token; the answer waits for it.
        CompletableFuture<String> conversation = new CompletableFuture<>();
        CompletableFuture<List<Citation>> sources = new CompletableFuture<>();
        AtomicBoolean started = new AtomicBoolean();
        Runnable recording = () -> {
            if (!started.compareAndSet(false, true)) {
                return;
            }
            (asked != null ? CompletableFuture.completedFuture(asked) : CompletableFuture.supplyAsync(
                    () -> conversations.create(new NewConversation(title(question), owner), user, role).id(), workers))
                    .thenApplyAsync(id -> {
                        conversations.append(id, new NewMessage(USER, question, null), user, role);
                        return id;
                    }, workers)
                    .whenComplete((id, failure) -> {
                        if (failure != null) {
                            conversation.completeExceptionally(failure);
                        } else {
                            conversation.complete(id);
                        }
                    });
            List<String> files = Citations.documentFiles(cited);
            // Which document each cited file is; without an answer the ids stay null.
            (files.isEmpty() ? CompletableFuture.completedFuture(cited) : CompletableFuture.supplyAsync(
                    () -> Citations.withDocuments(cited, documents.documentIdsOfFiles(owner, files, user, role)),
                    workers))
                    .exceptionally(failure -> {
                        LOG.debugf("Citations go without document ids: %s", failure);
                        return cited;
                    })
                    .thenAccept(sources::complete);
        };
        Turn turn = new Turn(user, role, owner, conversation, question, memory, found, sources, recording, model);
        if (!models.configured()) {
            turn.conversationId(); // no LLM to overlap with: a failure to record the question fails the request
        }
        return turn;
    }

    /** The value, or the failure as it was thrown (a ProblemException stays one). */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The whole answer at once: the LLM's, or extractive when there is none, it fails, or nothing was found. */
    public ChatAnswer answer(Turn turn) {
        String text;
        String mode = ChatAnswer.EXTRACTIVE;
        String model = null;
        String note = null;
        if (turn.nothingFound()) {
            text = Extractive.NOTHING_FOUND;
            note = models.configured() ? NOTHING_NOTE : NO_LLM_NOTE;
        } else if (!models.configured()) {
            text = extractive(turn);
            note = NO_LLM_NOTE;
        } else {
            try {
                Builder request = dev.langchain4j.model.chat.request.ChatRequest.builder()
                        .messages(prompt.messages(turn.question(), turn.found().results(), turn.history()));
                turn.startRecording();
                ChatResponse response = models.plain(turn.model()).chat(request.build());
                text = response.aiMessage().text();
                mode = ChatAnswer.LLM;
                model = turn.model();
            } catch (RuntimeException failure) {
                note = fallbackNote(failure);
                LOG.warnf("Chat falls back to extractive: %s (%s)", note, failure.toString());
                text = extractive(turn);
            }
        }
        Message stored = record(turn, text);
        return new ChatAnswer(text, mode, model, turn.conversationId(), stored.id(), turn.citations(), note);
    }

    /** The best sentences; when the search skipped them (LLM mode) and the LLM failed, they are asked for now. */
    String extractive(Turn turn) {
        RetrievalSearchResult found = turn.found();
        if (found.highlights() == null || found.highlights().isEmpty()) {
            try {
                found = retrieval.search(RetrievalSearchRequest.withPublic(turn.owner(), turn.question(),
                        found.results().size(), config.highlights()), turn.user(), turn.role());
            } catch (RuntimeException e) {
                LOG.debugf("No highlights for the fallback answer (%s); the sentences are picked here", e);
            }
        }
        return Extractive.answer(found, turn.question(), config.highlights());
    }

    String fallbackNote(Throwable failure) {
        return LlmFailure.describe(failure, models.baseUrl()) + "; answered from your documents instead.";
    }

    /** After tokens were sent: the answer cannot be taken back, so say it stopped. */
    String brokenOffNote(Throwable failure) {
        return LlmFailure.describe(failure, models.baseUrl()) + " after the answer began; the answer above is"
                + " incomplete.";
    }

    /** Stores the answer with its citations (metadata caps a message at 20000 characters). */
    Message record(Turn turn, String answer) {
        String content = answer == null || answer.isBlank() ? "(no answer)" : Citations.clip(answer, 19_999);
        return conversations.append(turn.conversationId(), new NewMessage(ASSISTANT, content, turn.citations()),
                turn.user(), turn.role());
    }

    /** The start of the question on one line (metadata refuses control characters in a title). */
    String title(String question) {
        String line = question.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").strip();
        return line.length() <= config.titleChars() ? line : line.substring(0, config.titleChars() - 1).strip() + "…";
    }

    ChatModels models() {
        return models;
    }

    Prompt prompt() {
        return prompt;
    }
}
