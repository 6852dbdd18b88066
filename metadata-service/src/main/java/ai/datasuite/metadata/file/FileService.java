package ai.datasuite.metadata.file;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.metadata.task.TaskFile;
import ai.datasuite.metadata.task.TaskFileRepository;
import ai.datasuite.metadata.task.TaskRepository;
import ai.datasuite.problem.ProblemException;

/** The file catalogue: idempotent registration, look-ups, deletion and key references. */
@ApplicationScoped
@Transactional
public class FileService {

    /** What {@link #create} did, so the resource can answer 201 or 200. */
    public record Created(FileView file, boolean created) {
    }

    private final FileRecordRepository files;
    private final TaskRepository tasks;
    private final TaskFileRepository links;
    private final FileMapper mapper;

    public FileService(FileRecordRepository files, TaskRepository tasks, TaskFileRepository links, FileMapper mapper) {
        this.files = files;
        this.tasks = tasks;
        this.links = links;
        this.mapper = mapper;
    }

    // Each attempt has its own transaction: after a lost race this one can only roll back, a new one sees the winner.
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Created create(FileCreateRequest request, String owner) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> attemptCreate(request, owner));
        } catch (PersistenceException e) {
            if (!Persistence.isConstraintViolation(e)) {
                throw e;
            }
            // A concurrent create of this id or this content committed first: answer as if it had come before us
            // (200 when it was this very create, retried; 409 naming the winner otherwise).
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> attemptCreate(request, owner));
        } catch (PersistenceException e) {
            if (Persistence.isConstraintViolation(e)) {
                throw Persistence.concurrentConflict("create");
            }
            throw e;
        }
    }

    private Created attemptCreate(FileCreateRequest request, String owner) {
        FileRecord candidate = mapper.toEntity(request, owner);
        Optional<FileRecord> sameId = files.findByIdOptional(candidate.getId());
        if (sameId.isPresent()) {
            FileRecord existing = sameId.get();
            if (existing.getOwnerId().equals(candidate.getOwnerId())
                    && existing.getSha256().equals(candidate.getSha256())) {
                // A retry of a create that already went through.
                return new Created(mapper.toView(existing), false);
            }
            // Names only the id the caller chose, never the other record's owner or content.
            throw conflict("A different file already has id " + existing.getId(), existing.getId());
        }
        // Dedup within the owner only: another owner's record with these bytes is never named to this caller.
        Optional<FileRecord> sameContent = files.findByOwnerAndSha256(candidate.getOwnerId(), candidate.getSha256());
        if (sameContent.isPresent()) {
            if (sameContent.get().getId().equals(candidate.getId())) {
                // The first attempt of this create committed between the two look-ups: still a retry.
                return new Created(mapper.toView(sameContent.get()), false);
            }
            throw conflict("Owner " + candidate.getOwnerId() + " already stored this content as file "
                    + sameContent.get().getId(), sameContent.get().getId());
        }
        candidate.setCreatedAt(Persistence.now());
        files.persist(candidate);
        if (candidate.getTaskId() != null && tasks.findByIdOptional(candidate.getTaskId()).isPresent()) {
            links.persist(new TaskFile(candidate.getTaskId(), candidate.getId(), TaskFile.BY_TASK_ID));
        }
        // Now rather than at commit, so a key violation surfaces here as a PersistenceException.
        files.flush();
        return new Created(mapper.toView(candidate), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FileView> find(String id) {
        return files.findByIdOptional(id.toLowerCase(Locale.ROOT)).map(mapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<FileView> list(FileQuery query, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (query.ownerId() != null) {
            where.append(" and ownerId = :ownerId");
            params.and("ownerId", query.ownerId());
        }
        if (query.sha256() != null) {
            where.append(" and sha256 = :sha256");
            params.and("sha256", query.sha256().toLowerCase(Locale.ROOT));
        }
        if (query.dataType() != null) {
            where.append(" and dataType = :dataType");
            params.and("dataType", query.dataType());
        }
        if (query.mediaType() != null) {
            where.append(" and mediaType = :mediaType");
            params.and("mediaType", query.mediaType());
        }
        if (query.tag() != null) {
            where.append(" and :tag member of tags");
            params.and("tag", query.tag());
        }
        if (query.taskId() != null) {
            // The named task, or a link made later by matching.
            where.append(" and (taskId = :taskId or id in (select l.key.fileId from TaskFile l"
                    + " where l.key.taskId = :taskId))");
            params.and("taskId", query.taskId());
        }
        if (query.name() != null) {
            // '!' as escape character: a backslash would itself need escaping in MariaDB string literals.
            where.append(" and lower(originalName) like :name escape '!'");
            params.and("name", "%" + likeLiteral(query.name().toLowerCase(Locale.ROOT)) + "%");
        }
        PanacheQuery<FileRecord> found = files.find(where.toString(), Sort.descending("createdAt").and("id"), params);
        List<FileView> items = found.page(Persistence.page(page, size)).list().stream().map(mapper::toView).toList();
        return new PageView<>(items, page, size, found.count());
    }

    /**
     * Removes the file, its tags and its task links; false when there was no such file or {@code visible} refuses
     * its owner (another user's file is answered as absent).
     */
    public boolean delete(String id, Predicate<String> visible) {
        Optional<FileRecord> file = files.findByIdOptional(id.toLowerCase(Locale.ROOT));
        if (file.isEmpty() || !visible.test(file.get().getOwnerId())) {
            return false;
        }
        links.deleteByFile(file.get().getId());
        files.delete(file.get());
        return true;
    }

    /** The asked keys, in the asked order, that some file of the bucket uses as object or text key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> referenced(String bucket, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Set<String> used = new LinkedHashSet<>(files.referencedKeys(bucket, new LinkedHashSet<>(keys)));
        List<String> answer = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            if (used.contains(key)) {
                answer.add(key);
            }
        }
        return answer;
    }

    /** The text matched literally by LIKE ... ESCAPE '!'; '[' is a wildcard on SQL Server. */
    static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_").replace("[", "![");
    }

    private static ProblemException conflict(String detail, String existingId) {
        return new ProblemException(409, ProblemException.CONFLICT, "Conflict", detail,
                Map.of("existing_id", existingId));
    }
}
