package ai.datasuite.gateway.chat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.langchain4j.model.chat.request.ChatRequest.Builder;
import dev.langchain4j.model.chat.response.ChatResponse;

import ai.datasuite.gateway.client.MetadataConversations.Conversation;
import ai.datasuite.gateway.client.MetadataConversations.Message;
import ai.datasuite.gateway.client.MetadataConversations.NewConversation;
import ai.datasuite.gateway.client.MetadataConversations.NewMessage;
import ai.datasuite.gateway.client.MetadataConversationsClient;
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
 * records the question (before any LLM call, so a failure still keeps what was asked), answers with the LLM or
 * extractively, and records the answer with its citations.
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
    private final RetrievalClient retrieval;
    private final ChatModels models;
    private final ModelChoice modelChoice;
    private final Prompt prompt;

    public ChatService(ChatConfig config, MetadataConversationsClient conversations, RetrievalClient retrieval,
                       ChatModels models, ModelChoice modelChoice, Prompt prompt) {
        this.config = config;
        this.conversations = conversations;
        this.retrieval = retrieval;
        this.models = models;
        this.modelChoice = modelChoice;
        this.prompt = prompt;
    }

    /**
     * Everything before the answer: 400 for bad input, 403 for another user's user_id (not admin), 404 for an
     * unknown or foreign conversation; the question is stored when this returns.
     */
    public Turn begin(ChatRequest request, Caller caller) {
        ChatRequests.validate(request, config);
        String owner = caller.ownerFor(request.userId(), "user_id");
        String user = caller.id();
        String role = caller.role();
        String question = request.query().strip();
        List<Message> history = List.of();
        String asked = request.conversationId();
        if (asked != null) {
            Conversation known = conversations.get(asked, config.memoryWindow(), user, role)
                    .orElseThrow(() -> ProblemException.notFound("No conversation " + asked));
            history = known.messages();
        }
        int topK = request.topK() == null ? config.topK() : request.topK();
        RetrievalSearchResult found = retrieval.search(
                RetrievalSearchRequest.withPublic(owner, question, topK, config.highlights()), user, role);
        String conversationId = asked != null ? asked
                : conversations.create(new NewConversation(title(question), owner), user, role).id();
        conversations.append(conversationId, new NewMessage(USER, question, null), user, role);
        return new Turn(user, role, owner, conversationId, question, history, found,
                Citations.of(found, config.citationTextChars()), modelChoice.modelFor(owner));
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

    String extractive(Turn turn) {
        return Extractive.answer(turn.found(), turn.question(), config.highlights());
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
