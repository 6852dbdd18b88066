package ai.datasuite.metadata.task;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TaskStepsVersionRepository implements PanacheRepositoryBase<TaskStepsVersion, TaskStepsVersion.Key> {

    /** Every saved version of the task, newest first. */
    public List<TaskStepsVersion> findByTask(String taskId) {
        return list("key.taskId", Sort.descending("key.version"), taskId);
    }

    public TaskStepsVersion findVersion(String taskId, int version) {
        return findById(new TaskStepsVersion.Key(taskId, version));
    }
}
