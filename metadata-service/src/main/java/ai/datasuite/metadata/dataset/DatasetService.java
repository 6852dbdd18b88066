package ai.datasuite.metadata.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.metadata.file.FileRecordRepository;
import ai.datasuite.problem.ProblemException;

/**
 * The catalogue of retrieval-service's Q&A datasets. A dataset points at a stored file (its CSV); the file must exist
 * when the dataset is created, and deleting the file (through ingest-service) removes its datasets with it (ON DELETE
 * CASCADE), so the catalogue never lists a dataset whose bytes are gone.
 */
@ApplicationScoped
@Transactional
public class DatasetService {

    /** What {@link #create} did, so the resource can answer 201 or 200. */
    public record Created(DatasetView dataset, boolean created) {
    }

    private final DatasetRepository datasets;
    private final FileRecordRepository files;
    private final DatasetMapper mapper;

    public DatasetService(DatasetRepository datasets, FileRecordRepository files, DatasetMapper mapper) {
        this.datasets = datasets;
        this.files = files;
        this.mapper = mapper;
    }

    /**
     * Catalogues a dataset for {@code owner}. The file must exist and {@code visible} must accept its owner: a file
     * of another user is answered as absent, so a create never tells whether someone else's file id exists.
     */
    public Created create(DatasetCreateRequest request, String owner, Predicate<String> visible) {
        if (request.distinctContexts() > request.rows()) {
            throw InvalidField.problem("distinct_contexts", "must not exceed rows (" + request.rows() + ")");
        }
        Dataset candidate = mapper.toEntity(request, owner);
        Optional<Dataset> sameId = datasets.findByIdOptional(candidate.getId());
        if (sameId.isPresent()) {
            if (sameContent(sameId.get(), candidate)) {
                // A retry of a create that already went through.
                return new Created(mapper.toView(sameId.get()), false);
            }
            throw new ProblemException(409, ProblemException.CONFLICT, "Conflict",
                    "A different dataset already has id " + candidate.getId(),
                    Map.of("existing_id", candidate.getId()));
        }
        if (files.findByIdOptional(candidate.getFileId()).filter(f -> visible.test(f.getOwnerId())).isEmpty()) {
            throw InvalidField.problem("file_id", "no stored file has this id; upload the CSV through ingest-service first");
        }
        candidate.setUploadedAt(Persistence.now());
        try {
            datasets.persist(candidate);
            // Now rather than at commit: the file may have been deleted since the look-up (foreign key), or a
            // concurrent create of the same id may have won (primary key).
            datasets.flush();
        } catch (PersistenceException e) {
            if (Persistence.isConstraintViolation(e)) {
                throw Persistence.concurrentConflict("create or file deletion");
            }
            throw e;
        }
        return new Created(mapper.toView(candidate), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DatasetView> find(String id) {
        return datasets.findByIdOptional(id.toLowerCase(Locale.ROOT)).map(mapper::toView);
    }

    /** Newest first; both filters optional. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DatasetView> list(String owner, String fileId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (owner != null) {
            where.append(" and ownerId = :owner");
            params.and("owner", owner);
        }
        if (fileId != null) {
            where.append(" and fileId = :fileId");
            params.and("fileId", fileId.toLowerCase(Locale.ROOT));
        }
        return datasets.find(where.toString(), Sort.descending("uploadedAt").and("id"), params).list().stream()
                .map(mapper::toView).toList();
    }

    /**
     * Removes the catalogue entry (not the stored file, which other datasets may share); false when absent or when
     * {@code visible} refuses its owner (another user's dataset is answered as absent).
     */
    public boolean delete(String id, Predicate<String> visible) {
        Optional<Dataset> dataset = datasets.findByIdOptional(id.toLowerCase(Locale.ROOT));
        if (dataset.isEmpty() || !visible.test(dataset.get().getOwnerId())) {
            return false;
        }
        datasets.delete(dataset.get());
        return true;
    }

    private static boolean sameContent(Dataset a, Dataset b) {
        return a.getName().equals(b.getName()) && a.getFileId().equals(b.getFileId())
                && Objects.equals(a.getOwnerId(), b.getOwnerId()) && a.getRows() == b.getRows()
                && a.getDistinctContexts() == b.getDistinctContexts() && a.getColumnNames().equals(b.getColumnNames());
    }
}
