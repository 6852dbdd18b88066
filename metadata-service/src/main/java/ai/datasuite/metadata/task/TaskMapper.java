package ai.datasuite.metadata.task;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.metadata.file.FileView;

/** Task entity to the API records. */
@ApplicationScoped
class TaskMapper {

    public TaskView toView(Task task) {
        return new TaskView(task.getTaskId(), task.getQuestion(), task.getLevel(), task.getFinalAnswer(),
                task.getFileName(), task.getSteps(), task.getNumberOfSteps(), task.getHowLong(), task.getTools(),
                task.getNumberOfTools(), task.getStepsVersion(), task.getCreatedAt(), task.getUpdatedAt());
    }

    public TaskDetailView toDetailView(Task task, List<FileView> files) {
        return new TaskDetailView(task.getTaskId(), task.getQuestion(), task.getLevel(), task.getFinalAnswer(),
                task.getFileName(), task.getSteps(), task.getNumberOfSteps(), task.getHowLong(), task.getTools(),
                task.getNumberOfTools(), task.getStepsVersion(), task.getCreatedAt(), task.getUpdatedAt(), files);
    }
}
