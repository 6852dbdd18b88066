package ai.datasuite.metadata.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.metadata.config.MetadataConfig;
import ai.datasuite.problem.ProblemException;

/**
 * Versions of a task's steps. Version 1 is the imported text; the first edit stores it (author {@value #IMPORT_AUTHOR})
 * next to the new version, so a task never edited keeps no version rows. The task's own {@code steps} text,
 * {@code number_of_steps} and {@code steps_version} always show the current version.
 */
@ApplicationScoped
@Transactional
public class TaskStepsService {

    /** The author of version 1: the steps as the import brought them. */
    public static final String IMPORT_AUTHOR = "import";

    private final TaskRepository tasks;
    private final TaskStepsVersionRepository versions;
    private final MetadataConfig.Tasks limits;

    public TaskStepsService(TaskRepository tasks, TaskStepsVersionRepository versions, MetadataConfig config) {
        this.tasks = tasks;
        this.versions = versions;
        this.limits = config.tasks();
    }

    /**
     * Saves {@code request}'s steps as the task's next version; steps equal to the current ones make none
     * ({@code changed: false}, the current version). Empty when the task does not exist.
     */
    public Optional<StepsVersionView> save(String taskId, StepsUpdateRequest request, String author, String role) {
        Task task = tasks.findById(taskId);
        if (task == null) {
            return Optional.empty();
        }
        List<String> steps = validSteps(request == null ? null : request.steps());
        String note = validNote(request.note());
        TaskStepsVersion current = current(task);
        if (current.getSteps().equals(steps)) {
            return Optional.of(view(current, StepsDiff.of(steps, steps), false));
        }
        if (task.getStepsVersion() == 1) {
            versions.persist(current);
        }
        Instant now = Persistence.now();
        TaskStepsVersion saved = new TaskStepsVersion(taskId, task.getStepsVersion() + 1, author, role, note, steps,
                now);
        versions.persist(saved);
        task.setSteps(StepsText.format(steps));
        task.setNumberOfSteps(steps.size());
        task.setStepsVersion(saved.getVersion());
        task.setUpdatedAt(now);
        flush();
        return Optional.of(view(saved, StepsDiff.of(current.getSteps(), steps), true));
    }

    /** Every version newest first, each with its diff to the one before; empty when the task does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StepsHistoryView> history(String taskId) {
        Task task = tasks.findById(taskId);
        if (task == null) {
            return Optional.empty();
        }
        List<TaskStepsVersion> stored = versions.findByTask(taskId);
        if (stored.isEmpty()) {
            stored = List.of(importedVersion(task));
        }
        List<StepsVersionView> views = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            List<String> before = i + 1 < stored.size() ? stored.get(i + 1).getSteps() : List.of();
            views.add(view(stored.get(i), StepsDiff.of(before, stored.get(i).getSteps()), true));
        }
        return Optional.of(new StepsHistoryView(taskId, task.getStepsVersion(), views));
    }

    /** The current version: the stored row once edited, else version 1 built from the imported text (not stored). */
    private TaskStepsVersion current(Task task) {
        if (task.getStepsVersion() > 1) {
            TaskStepsVersion stored = versions.findVersion(task.getTaskId(), task.getStepsVersion());
            if (stored != null) {
                return stored;
            }
        }
        return importedVersion(task);
    }

    /** Version 1 as the import wrote it, dated when the task was last imported. */
    private static TaskStepsVersion importedVersion(Task task) {
        return new TaskStepsVersion(task.getTaskId(), 1, IMPORT_AUTHOR, null, null, StepsText.parse(task.getSteps()),
                task.getUpdatedAt());
    }

    private static StepsVersionView view(TaskStepsVersion version, List<StepsDiff.Line> diff, boolean changed) {
        return new StepsVersionView(version.getTaskId(), version.getVersion(), version.getAuthor(),
                version.getAuthorRole(), version.getCreatedAt(), version.getNote(), version.getSteps(), diff, changed);
    }

    /** The steps stripped of surrounding blanks, or a 400 listing every bad one and naming the limit it broke. */
    private List<String> validSteps(List<String> steps) {
        if (steps == null || steps.isEmpty()) {
            throw problem("steps must list at least one step", List.of(error("steps", "must not be empty")));
        }
        if (steps.size() > limits.maxSteps()) {
            String message = "must hold at most " + limits.maxSteps() + " steps (metadata.tasks.max-steps), not "
                    + steps.size();
            throw problem("steps " + message, List.of(error("steps", message)));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        List<String> clean = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i) == null ? "" : steps.get(i).strip();
            String message = step.isEmpty() ? "must not be blank"
                    : textProblem(step, limits.maxStepChars(), "metadata.tasks.max-step-chars", false);
            if (message != null) {
                errors.add(error("steps[" + i + "]", message));
            }
            clean.add(step);
        }
        if (!errors.isEmpty()) {
            Map<String, Object> first = errors.get(0);
            throw problem(errors.size() + " step(s) are not valid; the first, " + first.get("field") + ", "
                    + first.get("message"), errors);
        }
        return clean;
    }

    /** A blank note is no note; line breaks are allowed in it. */
    private String validNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String message = textProblem(note, limits.maxNoteChars(), "metadata.tasks.max-note-chars", true);
        if (message != null) {
            throw problem("note " + message, List.of(error("note", message)));
        }
        return note;
    }

    /**
     * Why the text cannot be stored as given, or null: no unpaired surrogates (utf8mb4 cannot hold them), no control
     * characters unless allowed (a step is one line), at most {@code max} characters counted as code points.
     */
    private static String textProblem(String value, int max, String key, boolean controls) {
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT && Character.isSurrogate((char) cp)) {
                return "must be valid Unicode text (it contains an unpaired surrogate)";
            }
            if (Character.getType(cp) == Character.CONTROL
                    && !(controls && (cp == '\n' || cp == '\r' || cp == '\t'))) {
                return controls ? "must not contain control characters other than line breaks and tabs"
                        : "must be one line without control characters";
            }
            count++;
            i += Character.charCount(cp);
        }
        return count > max ? "must be at most " + max + " characters (" + key + "), not " + count : null;
    }

    private static Map<String, Object> error(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static ProblemException problem(String detail, List<Map<String, Object>> errors) {
        return ProblemException.validation(detail, Map.of("errors", errors));
    }

    /** Writes now, so a concurrent save of the same version becomes a 409 to retry instead of a 500. */
    private void flush() {
        try {
            tasks.flush();
        } catch (PersistenceException e) {
            if (Persistence.isConstraintViolation(e)) {
                throw Persistence.concurrentConflict("edit of the steps");
            }
            throw e;
        }
    }
}
