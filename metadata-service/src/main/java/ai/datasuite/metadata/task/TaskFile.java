package ai.datasuite.metadata.task;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A link between a task and a stored file, with the rule that made it. Plain ids, no associations: no proxies. */
@Entity
@Table(name = "task_files")
public class TaskFile {

    /** The uploader named the task when storing the file. */
    public static final String BY_TASK_ID = "task_id";
    /** The file's original name equals the task's file_name. */
    public static final String BY_FILE_NAME = "file_name";
    /** The file is named {@code <task_id>.<ext>}. */
    public static final String BY_NAME_STEM = "name_stem";

    @EmbeddedId
    private Key key;

    @Column(name = "matched_by", nullable = false)
    private String matchedBy;

    public TaskFile() {
    }

    public TaskFile(String taskId, String fileId, String matchedBy) {
        this.key = new Key(taskId, fileId);
        this.matchedBy = matchedBy;
    }

    public Key getKey() {
        return key;
    }

    public String getTaskId() {
        return key.taskId;
    }

    public String getFileId() {
        return key.fileId;
    }

    public String getMatchedBy() {
        return matchedBy;
    }

    /** Composite primary key (task_id, file_id). */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "task_id")
        private String taskId;

        @Column(name = "file_id")
        private String fileId;

        public Key() {
        }

        public Key(String taskId, String fileId) {
            this.taskId = taskId;
            this.fileId = fileId;
        }

        public String getTaskId() {
            return taskId;
        }

        public String getFileId() {
            return fileId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(taskId, k.taskId) && Objects.equals(fileId, k.fileId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(taskId, fileId);
        }
    }
}
