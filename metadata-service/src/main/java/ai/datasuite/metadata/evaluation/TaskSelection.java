package ai.datasuite.metadata.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.problem.ProblemException;

/**
 * Selects a run's tasks from the tasks table (read-only): the filters are AND-ed, null takes any. Counts first, so a
 * selection above metadata.evaluations.max-tasks is refused without loading it.
 */
final class TaskSelection {

    /** What a run needs of a task. */
    record Selected(String taskId, int level, String fileType) {
    }

    // Keeps IN lists well under every vendor's bind-parameter limit (SQL Server: 2100).
    private static final int IN_CHUNK = 1000;
    private static final int MAX_FILE_TYPE = 32;

    private final EntityManager em;
    private final int maxTasks;

    TaskSelection(EntityManager em, int maxTasks) {
        this.em = em;
        this.maxTasks = maxTasks;
    }

    List<Selected> select(EvaluationFilter filter) {
        List<List<String>> idChunks = idChunks(filter.taskIds());
        long count = 0;
        for (List<String> chunk : idChunks) {
            count += query("select count(t)", chunk, filter, Long.class).getSingleResult();
        }
        if (count == 0) {
            throw InvalidField.problem("filter", "matches no task", "The filter matches no task; check task_ids,"
                    + " levels and has_file");
        }
        if (count > maxTasks) {
            throw ProblemException.tooLarge("The filter matches " + count + " tasks; a run takes at most " + maxTasks
                    + " (metadata.evaluations.max-tasks)");
        }
        List<Selected> selected = new ArrayList<>();
        for (List<String> chunk : idChunks) {
            for (Object[] row : query("select t.taskId, t.level, t.fileName", chunk, filter, Object[].class)
                    .getResultList()) {
                selected.add(new Selected((String) row[0], ((Number) row[1]).intValue(), fileType((String) row[2])));
            }
        }
        return selected;
    }

    /** The lower-case extension of a file name, or {@code none} without a file or an extension. */
    static String fileType(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "none";
        }
        String name = fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return "none";
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extension.length() > MAX_FILE_TYPE ? extension.substring(0, MAX_FILE_TYPE) : extension;
    }

    /** One null chunk when ids are not filtered; else the distinct ids in chunks (413 above the limit). */
    private List<List<String>> idChunks(List<String> taskIds) {
        List<List<String>> chunks = new ArrayList<>();
        if (taskIds == null) {
            chunks.add(null);
            return chunks;
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(taskIds));
        if (ids.size() > maxTasks) {
            throw ProblemException.tooLarge("task_ids names " + ids.size() + " tasks; a run takes at most " + maxTasks
                    + " (metadata.evaluations.max-tasks)");
        }
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)));
        }
        return chunks;
    }

    private <T> TypedQuery<T> query(String select, List<String> ids, EvaluationFilter filter, Class<T> type) {
        StringBuilder where = new StringBuilder(" from Task t where 1 = 1");
        if (ids != null) {
            where.append(" and t.taskId in :ids");
        }
        List<Integer> levels = filter.levels() == null ? null : List.copyOf(new LinkedHashSet<>(filter.levels()));
        if (levels != null) {
            where.append(levels.isEmpty() ? " and 1 = 0" : " and t.level in :levels");
        }
        if (filter.hasFile() != null) {
            where.append(filter.hasFile() ? " and t.fileName is not null and t.fileName <> ''"
                    : " and (t.fileName is null or t.fileName = '')");
        }
        if (!type.equals(Long.class)) {
            where.append(" order by t.taskId");
        }
        TypedQuery<T> query = em.createQuery(select + where, type);
        if (ids != null) {
            query.setParameter("ids", ids);
        }
        if (levels != null && !levels.isEmpty()) {
            query.setParameter("levels", levels);
        }
        return query;
    }
}
