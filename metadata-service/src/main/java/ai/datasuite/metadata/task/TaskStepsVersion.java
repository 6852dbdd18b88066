package ai.datasuite.metadata.task;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One saved version of a task's steps: who saved it, when, why, and the steps (one a line). */
@Entity
@Table(name = "task_steps_versions")
public class TaskStepsVersion {

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private String author;

    @Column(name = "author_role")
    private String authorRole;

    private String note;

    // A step never holds a line break (validated), so lines are a faithful encoding of the list.
    @Column(nullable = false)
    private String steps;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    public TaskStepsVersion() {
    }

    public TaskStepsVersion(String taskId, int version, String author, String authorRole, String note,
                            List<String> steps, Instant createdAt) {
        this.key = new Key(taskId, version);
        this.author = author;
        this.authorRole = authorRole;
        this.note = note;
        this.steps = String.join("\n", steps);
        this.createdAt = createdAt;
    }

    public String getTaskId() {
        return key.taskId;
    }

    public int getVersion() {
        return key.version;
    }

    public String getAuthor() {
        return author;
    }

    public String getAuthorRole() {
        return authorRole;
    }

    public String getNote() {
        return note;
    }

    public List<String> getSteps() {
        return steps.isEmpty() ? List.of() : List.of(steps.split("\n", -1));
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Composite primary key (task_id, version). */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "task_id")
        private String taskId;

        @Column(name = "version")
        private int version;

        public Key() {
        }

        public Key(String taskId, int version) {
            this.taskId = taskId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && version == k.version && Objects.equals(taskId, k.taskId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(taskId, version);
        }
    }
}
