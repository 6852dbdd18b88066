package ai.datasuite.metadata.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.metadata.TaskFile;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TaskFileRepository implements PanacheRepositoryBase<TaskFile, TaskFile.Key> {

    public List<TaskFile> findByTask(String taskId) {
        return list("key.taskId", taskId);
    }

    public long deleteByFile(String fileId) {
        return delete("key.fileId", fileId);
    }

    /** Links the task to the file unless a link exists already; true when a new link was made. */
    public boolean linkIfAbsent(String taskId, String fileId, String matchedBy) {
        if (findByIdOptional(new TaskFile.Key(taskId, fileId)).isPresent()) {
            return false;
        }
        persist(new TaskFile(taskId, fileId, matchedBy));
        return true;
    }
}
