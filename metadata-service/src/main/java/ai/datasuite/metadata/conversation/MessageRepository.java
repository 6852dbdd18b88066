package ai.datasuite.metadata.conversation;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class MessageRepository implements PanacheRepositoryBase<ConversationMessage, Long> {
}
