package ai.datasuite.metadata.task;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.metadata.config.MetadataConfig;
import ai.datasuite.metadata.file.FileMapper;
import ai.datasuite.metadata.file.FileRecord;
import ai.datasuite.metadata.file.FileRecordRepository;
import ai.datasuite.metadata.file.FileView;
import ai.datasuite.problem.ProblemException;

/** Benchmark tasks: all-or-nothing import, listing, and matching tasks to stored files. */
@ApplicationScoped
@Transactional
public class TaskService {

    // Rows handled per flush/clear during import, so 100k rows do not pile up in the persistence context.
    private static final int IMPORT_CHUNK = 500;
    // Only the first errors are returned; a wholly wrong file would otherwise give a response as large as itself.
    private static final int MAX_REPORTED_ERRORS = 1000;

    private final TaskRepository tasks;
    private final FileRecordRepository files;
    private final TaskFileRepository links;
    private final TaskImportParser parser;
    private final TaskMapper taskMapper;
    private final FileMapper fileMapper;
    private final MetadataConfig config;

    public TaskService(TaskRepository tasks, FileRecordRepository files, TaskFileRepository links,
                       TaskImportParser parser, TaskMapper taskMapper, FileMapper fileMapper, MetadataConfig config) {
        this.tasks = tasks;
        this.files = files;
        this.links = links;
        this.parser = parser;
        this.taskMapper = taskMapper;
        this.fileMapper = fileMapper;
        this.config = config;
    }

    /**
     * Validates every row first; imports nothing unless all rows are good, then upserts in this one transaction.
     * The one place that enforces {@code metadata.import.max-bytes}, for raw bodies and uploaded files alike.
     * Steps that annotators edited ({@code steps_version > 1}) are kept; the row's other fields are imported.
     */
    public ImportSummary importTasks(InputStream in, ImportFormat format) throws IOException {
        long maxBytes = config.importing().maxBytes().asLongValue();
        // At most one byte more than allowed, so an oversized body is refused without buffering it all.
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw ProblemException.tooLarge("The import is larger than " + maxBytes + " bytes");
        }
        TaskImportParser.Result parsed = parser.parse(body, format, config.importing().maxRows());
        if (!parsed.errors().isEmpty()) {
            List<RowError> errors = parsed.errors();
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("errors", errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS)).stream()
                    .map(TaskService::errorMember).toList());
            extensions.put("error_count", errors.size());
            String rows = errors.stream().map(e -> String.valueOf(e.row())).distinct().limit(20)
                    .collect(Collectors.joining(", "));
            throw ProblemException.validation(errors.size() + " problem(s) in the import, nothing was imported"
                    + " (rows " + rows + ")", extensions);
        }
        Instant now = Persistence.now();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<Task> incoming = parsed.tasks();
        for (int from = 0; from < incoming.size(); from += IMPORT_CHUNK) {
            List<Task> chunk = incoming.subList(from, Math.min(incoming.size(), from + IMPORT_CHUNK));
            Map<String, Task> existing = tasks.findByTaskIds(chunk.stream().map(Task::getTaskId).toList()).stream()
                    .collect(Collectors.toMap(Task::getTaskId, Function.identity()));
            for (Task task : chunk) {
                Task current = existing.get(task.getTaskId());
                if (current != null && current.getStepsVersion() > 1) {
                    // Annotators edited these steps: an import updates the rest of the task, never their edit.
                    task.setSteps(current.getSteps());
                    task.setNumberOfSteps(current.getNumberOfSteps());
                }
                if (current == null) {
                    task.setCreatedAt(now);
                    task.setUpdatedAt(now);
                    tasks.persist(task);
                    created++;
                } else if (current.sameContentAs(task)) {
                    unchanged++;
                } else {
                    current.copyContentFrom(task);
                    current.setUpdatedAt(now);
                    updated++;
                }
            }
            flush("import");
            tasks.getEntityManager().clear();
        }
        return new ImportSummary(incoming.size(), created, updated, unchanged);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<TaskView> list(TaskQuery query, int page, int size) {
        StringBuilder hql = new StringBuilder("from Task t where 1 = 1");
        Parameters params = new Parameters();
        if (query.level() != null) {
            hql.append(" and t.level = :level");
            params.and("level", query.level());
        }
        if (query.hasFile() != null) {
            hql.append(query.hasFile()
                    ? " and t.fileName is not null and t.fileName <> ''"
                    : " and (t.fileName is null or t.fileName = '')");
        }
        if (query.matched() != null) {
            hql.append(query.matched() ? " and exists" : " and not exists")
                    .append(" (select 1 from TaskFile l where l.key.taskId = t.taskId)");
        }
        hql.append(" order by t.taskId");
        PanacheQuery<Task> found = tasks.find(hql.toString(), params);
        List<TaskView> items = found.page(Persistence.page(page, size)).list().stream().map(taskMapper::toView)
                .toList();
        return new PageView<>(items, page, size, found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaskDetailView> find(String taskId) {
        return tasks.findByIdOptional(taskId).map(task -> {
            List<String> fileIds = links.findByTask(taskId).stream().map(TaskFile::getFileId).toList();
            List<FileView> linked = fileIds.isEmpty() ? List.of()
                    : files.list("id in ?1", fileIds).stream()
                            .sorted(Comparator.comparing(FileRecord::getCreatedAt).reversed()
                                    .thenComparing(FileRecord::getId))
                            .map(fileMapper::toView)
                            .toList();
            return taskMapper.toDetailView(task, linked);
        });
    }

    /**
     * Links tasks to the stored files (of one owner, or all) the way the seed data names them, keeps the links,
     * and reports what is still unpaired. Running it twice adds nothing the second time.
     */
    public MatchReport match(String ownerId) {
        List<Task> allTasks = tasks.listAll();
        List<FileRecord> candidates = files.findByOwner(ownerId);
        Map<String, Task> tasksById = new HashMap<>();
        Map<String, List<Task>> tasksByFileName = new HashMap<>();
        for (Task task : allTasks) {
            tasksById.put(task.getTaskId(), task);
            if (task.getFileName() != null && !task.getFileName().isBlank()) {
                tasksByFileName.computeIfAbsent(task.getFileName(), k -> new ArrayList<>()).add(task);
            }
        }
        Set<TaskFile.Key> linked = links.listAll().stream().map(TaskFile::getKey)
                .collect(Collectors.toCollection(HashSet::new));

        List<MatchReport.Match> matched = new ArrayList<>();
        int newLinks = 0;
        for (FileRecord file : candidates) {
            // First rule wins when several pair the same task and file: the uploader's word, then the exact name.
            Map<String, String> pairs = new LinkedHashMap<>();
            if (file.getTaskId() != null && tasksById.containsKey(file.getTaskId())) {
                pairs.putIfAbsent(file.getTaskId(), TaskFile.BY_TASK_ID);
            }
            for (Task task : tasksByFileName.getOrDefault(file.getOriginalName(), List.of())) {
                pairs.putIfAbsent(task.getTaskId(), TaskFile.BY_FILE_NAME);
            }
            String stem = stem(file.getOriginalName());
            if (stem != null && tasksById.containsKey(stem)) {
                pairs.putIfAbsent(stem, TaskFile.BY_NAME_STEM);
            }
            for (Map.Entry<String, String> pair : pairs.entrySet()) {
                TaskFile.Key key = new TaskFile.Key(pair.getKey(), file.getId());
                if (linked.add(key)) {
                    links.persist(new TaskFile(pair.getKey(), file.getId(), pair.getValue()));
                    newLinks++;
                }
                matched.add(new MatchReport.Match(pair.getKey(), file.getId(), file.getOriginalName(),
                        pair.getValue()));
            }
        }

        flush("match");

        Set<String> linkedTasks = linked.stream().map(TaskFile.Key::getTaskId).collect(Collectors.toSet());
        Set<String> linkedFiles = linked.stream().map(TaskFile.Key::getFileId).collect(Collectors.toSet());
        List<MatchReport.TaskMissingFile> missing = allTasks.stream()
                .filter(t -> t.getFileName() != null && !t.getFileName().isBlank())
                .filter(t -> !linkedTasks.contains(t.getTaskId()))
                .sorted(Comparator.comparing(Task::getTaskId))
                .map(t -> new MatchReport.TaskMissingFile(t.getTaskId(), t.getFileName()))
                .toList();
        List<MatchReport.FileWithoutTask> orphans = candidates.stream()
                .filter(f -> !linkedFiles.contains(f.getId()))
                .sorted(Comparator.comparing(FileRecord::getId))
                .map(f -> new MatchReport.FileWithoutTask(f.getId(), f.getOriginalName()))
                .toList();
        matched.sort(Comparator.comparing(MatchReport.Match::taskId).thenComparing(MatchReport.Match::fileId));
        MatchReport.Counts counts = new MatchReport.Counts(allTasks.size(), candidates.size(), matched.size(),
                newLinks, missing.size(), orphans.size());
        return new MatchReport(matched, missing, orphans, counts);
    }

    /**
     * Writes now rather than at commit, so a key another request inserted meanwhile (the same new task_id or link)
     * becomes a 409 to retry instead of a 500.
     */
    private void flush(String what) {
        try {
            tasks.flush();
        } catch (PersistenceException e) {
            if (Persistence.isConstraintViolation(e)) {
                throw Persistence.concurrentConflict(what);
            }
            throw e;
        }
    }

    /** {@code 5b2f.xlsx} gives {@code 5b2f}; names without an extension give null. */
    static String stem(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : null;
    }

    private static Map<String, Object> errorMember(RowError error) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("row", error.row());
        member.put("field", error.field());
        member.put("message", error.message());
        return member;
    }
}
