package ai.datasuite.metadata.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.metadata.config.MetadataConfig;

/**
 * The chat memory: conversations of a user and their messages. Every look-up takes a {@code visible} test of the
 * owner (the caller's rule); a conversation it refuses is answered as absent, exactly as an unknown id.
 */
@ApplicationScoped
@Transactional
public class ConversationService {

    private static final TypeReference<List<Object>> LIST = new TypeReference<>() { };

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final MetadataConfig.Conversations limits;
    private final ObjectMapper objectMapper;

    public ConversationService(ConversationRepository conversations, MessageRepository messages,
                               MetadataConfig config, ObjectMapper objectMapper) {
        this.conversations = conversations;
        this.messages = messages;
        this.limits = config.conversations();
        this.objectMapper = objectMapper;
    }

    public ConversationView create(ConversationCreateRequest request, String owner) {
        Conversation conversation = new Conversation();
        conversation.setId(UUID.randomUUID().toString());
        conversation.setOwnerId(owner);
        conversation.setTitle(request.title() == null || request.title().isBlank() ? null : request.title());
        conversation.setCreatedAt(Persistence.now());
        conversation.setUpdatedAt(conversation.getCreatedAt());
        conversations.persist(conversation);
        return ConversationView.of(conversation);
    }

    /** Newest updated first (updated_at desc, then id); {@code owner} null lists everyone's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<ConversationView> list(String owner, int page, int size) {
        Sort sort = Sort.descending("updatedAt").and("id", Sort.Direction.Descending);
        PanacheQuery<Conversation> found = owner == null ? conversations.findAll(sort)
                : conversations.find("ownerId = :owner", sort, Parameters.with("owner", owner));
        List<ConversationView> items = found.page(Persistence.page(page, size)).list().stream()
                .map(ConversationView::of).toList();
        return new PageView<>(items, page, size, found.count());
    }

    /** The conversation with its last {@code window} messages (null: the configured default), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConversationDetailView> find(String id, Integer window, Predicate<String> visible) {
        int size = window == null ? limits.defaultWindow() : window;
        if (size < 1 || size > limits.maxWindow()) {
            throw InvalidField.problem("window", "must be between 1 and " + limits.maxWindow());
        }
        return visible(id, visible).map(c -> {
            List<ConversationMessage> last = new ArrayList<>(messages.find("conversationId", Sort.descending("id"),
                    c.getId()).page(Page.ofSize(size)).list());
            Collections.reverse(last);
            return new ConversationDetailView(c.getId(), c.getOwnerId(), c.getTitle(), c.getCreatedAt(),
                    c.getUpdatedAt(), messages.count("conversationId", c.getId()),
                    last.stream().map(this::toView).toList());
        });
    }

    /** Deletes the conversation and its messages; false when absent or not visible. */
    public boolean delete(String id, Predicate<String> visible) {
        Optional<Conversation> conversation = visible(id, visible);
        if (conversation.isEmpty()) {
            return false;
        }
        messages.delete("conversationId", conversation.get().getId());
        conversations.delete(conversation.get());
        return true;
    }

    /** Appends a message and moves the conversation's updated_at; empty when the conversation is absent. */
    public Optional<MessageView> append(String id, MessageCreateRequest request, Predicate<String> visible) {
        String citations = request.citations() == null ? null : write(request.citations());
        if (citations != null && citations.length() > limits.maxCitationsChars()) {
            throw InvalidField.problem("citations",
                    "must be at most " + limits.maxCitationsChars() + " characters of JSON");
        }
        return visible(id, visible).map(c -> {
            ConversationMessage message = new ConversationMessage();
            message.setConversationId(c.getId());
            message.setRole(request.role());
            message.setContent(request.content());
            message.setCitations(citations);
            message.setCreatedAt(Persistence.now());
            messages.persist(message);
            c.setUpdatedAt(message.getCreatedAt());
            return toView(message);
        });
    }

    /** Sets a message's rating; empty when the conversation is absent or the message is not one of its. */
    public Optional<MessageView> rate(String id, long messageId, int rating, Predicate<String> visible) {
        return visible(id, visible)
                .flatMap(c -> messages.findByIdOptional(messageId).filter(m -> m.getConversationId().equals(c.getId())))
                .map(m -> {
                    m.setRating(rating);
                    return toView(m);
                });
    }

    private Optional<Conversation> visible(String id, Predicate<String> visible) {
        return conversations.findByIdOptional(id.toLowerCase(Locale.ROOT)).filter(c -> visible.test(c.getOwnerId()));
    }

    private MessageView toView(ConversationMessage m) {
        return new MessageView(m.getId(), m.getConversationId(), m.getRole(), m.getContent(), read(m.getCitations()),
                m.getRating(), m.getCreatedAt());
    }

    private String write(List<Object> citations) {
        try {
            return objectMapper.writeValueAsString(citations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON array always serialises", e);
        }
    }

    private List<Object> read(String citations) {
        if (citations == null) {
            return null;
        }
        try {
            return objectMapper.readValue(citations, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("citations of a message is not a JSON array", e);
        }
    }
}
