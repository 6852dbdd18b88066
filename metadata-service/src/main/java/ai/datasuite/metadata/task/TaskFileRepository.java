package ai.datasuite.metadata.task;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TaskFileRepository implements PanacheRepositoryBase<TaskFile, TaskFile.Key> {

    public List<TaskFile> findByTask(String taskId) {
        return list("key.taskId", taskId);
    }

    public long deleteByFile(String fileId) {
        return delete("key.fileId", fileId);
    }
}
