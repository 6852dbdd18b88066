package ai.datasuite.metadata.conversation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;

/**
 * The rated chat turns of a user, for chat-gateway's fine-tune training set: each assistant message rated at least
 * {@code minRating}, paired with the nearest user message before it in the same conversation. An answer with no user
 * message before it is no training example and is left out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RatedTurnService {

    // The answers and, per answer, the id of its question (the greatest user message id below the answer's).
    private static final String FROM = " from ConversationMessage m where m.role = 'assistant'"
            + " and m.rating >= :min and exists (select 1 from ConversationMessage u where u.conversationId = m.conversationId"
            + " and u.role = 'user' and u.id < m.id)";
    private static final String OF_OWNER =
            " and m.conversationId in (select c.id from Conversation c where c.ownerId = :owner)";
    private static final String QUESTION_ID = "(select max(q.id) from ConversationMessage q"
            + " where q.conversationId = m.conversationId and q.role = 'user' and q.id < m.id)";

    private final MessageRepository messages;

    public RatedTurnService(MessageRepository messages) {
        this.messages = messages;
    }

    /** Newest answers first (message id desc); {@code owner} null covers everyone's conversations. */
    public PageView<RatedTurnView> list(String owner, int minRating, int page, int size) {
        EntityManager em = messages.getEntityManager();
        io.quarkus.panache.common.Page window = Persistence.page(page, size);
        String from = owner == null ? FROM : FROM + OF_OWNER;
        TypedQuery<Object[]> answers = em.createQuery("select m, " + QUESTION_ID + from + " order by m.id desc",
                Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(m)" + from, Long.class);
        for (TypedQuery<?> query : List.of(answers, count)) {
            query.setParameter("min", minRating);
            if (owner != null) {
                query.setParameter("owner", owner);
            }
        }
        List<Object[]> rows = answers.setFirstResult(window.index * window.size).setMaxResults(window.size)
                .getResultList();
        List<Long> questionIds = rows.stream().map(r -> (Long) r[1]).toList();
        Map<Long, String> questions = questionIds.isEmpty() ? Map.of()
                : messages.list("id in ?1", questionIds).stream()
                        .collect(Collectors.toMap(ConversationMessage::getId, ConversationMessage::getContent));
        List<RatedTurnView> items = rows.stream().map(r -> {
            ConversationMessage answer = (ConversationMessage) r[0];
            return new RatedTurnView(answer.getConversationId(), answer.getId(), questions.get((Long) r[1]),
                    answer.getContent(), answer.getRating(), answer.getCreatedAt());
        }).toList();
        return new PageView<>(items, page, size, count.getSingleResult());
    }
}
