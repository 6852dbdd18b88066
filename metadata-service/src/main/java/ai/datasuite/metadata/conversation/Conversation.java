package ai.datasuite.metadata.conversation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One chat of a user with the RAG assistant; its messages are {@link ConversationMessage} rows. */
@Entity
@Table(name = "conversations")
public class Conversation {

    @Id
    private String id;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    private String title;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Moves on every appended message, so the newest-updated-first listing shows active chats on top. */
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
