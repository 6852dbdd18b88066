package ai.datasuite.metadata.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.metadata.config.MetadataConfig;
import ai.datasuite.problem.ProblemException;

/**
 * Evaluation runs: creation (the task selection and one pending row per task), listing, and the state machine the
 * runner drives (PATCH) and people stop (cancel). Counts are computed from the result rows, never stored on the run.
 */
@ApplicationScoped
@Transactional
public class EvaluationService {

    private final EvaluationRepository evaluations;
    private final EvaluationResultRepository results;
    private final MetadataConfig.Evaluations limits;
    private final ObjectMapper json;

    public EvaluationService(EvaluationRepository evaluations, EvaluationResultRepository results,
                             MetadataConfig config, ObjectMapper json) {
        this.evaluations = evaluations;
        this.results = results;
        this.limits = config.evaluations();
        this.json = json;
    }

    public EvaluationView create(EvaluationCreateRequest request, String owner, String ownerRole) {
        EvaluationFilter filter = request.filter() == null ? EvaluationFilter.ANY : request.filter();
        List<TaskSelection.Selected> tasks =
                new TaskSelection(evaluations.getEntityManager(), limits.maxTasks()).select(filter);
        Evaluation run = new Evaluation();
        run.setId(UUID.randomUUID().toString());
        run.setOwnerId(owner);
        run.setOwnerRole(ownerRole);
        run.setVision(request.vision());
        run.setModel(request.model().strip());
        run.setPromptTemplate(request.promptTemplate());
        run.setUseSteps(Boolean.TRUE.equals(request.useSteps()));
        run.setConcurrency(request.concurrency() == null ? 1 : request.concurrency());
        run.setFilterJson(write(filter));
        run.setStatus(EvaluationStatus.QUEUED);
        run.setCreatedAt(Persistence.now());
        evaluations.persist(run);
        for (TaskSelection.Selected task : tasks) {
            EvaluationResult row = new EvaluationResult();
            row.setEvaluationId(run.getId());
            row.setTaskId(task.taskId());
            row.setLevel(task.level());
            row.setFileType(task.fileType());
            row.setStatus(EvaluationStatus.PENDING);
            row.setUpdatedAt(run.getCreatedAt());
            results.persist(row);
        }
        results.flush();
        return view(run, results.aggregates(run.getId()));
    }

    /** Newest first (created_at desc, then id); annotators and admins see every run. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<EvaluationView> list(int page, int size) {
        PanacheQuery<Evaluation> found = evaluations.findAll(
                Sort.descending("createdAt").and("id", Sort.Direction.Descending));
        List<Evaluation> runs = found.page(Persistence.page(page, size)).list();
        Map<String, Aggregates> counts = results.aggregates(runs.stream().map(Evaluation::getId).toList());
        List<EvaluationView> items = runs.stream()
                .map(r -> view(r, counts.getOrDefault(r.getId(), new Aggregates()))).toList();
        return new PageView<>(items, page, size, found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EvaluationView> find(String id) {
        return find(id, LockModeType.NONE).map(r -> view(r, results.aggregates(r.getId())));
    }

    /** The runner's move: queued→running, running→completed|failed, queued→failed; anything else 409. */
    public Optional<EvaluationView> patch(String id, EvaluationPatchRequest patch) {
        return find(id, LockModeType.PESSIMISTIC_WRITE).map(run -> {
            String from = run.getStatus();
            String to = patch.status();
            if (!EvaluationStatus.allowed(from, to)) {
                throw ProblemException.conflict("Evaluation " + run.getId() + " is " + from + "; it cannot become "
                        + to + (EvaluationStatus.isFinal(from) ? " (it has ended)"
                        : " (allowed: queued to running or failed, running to completed or failed)"));
            }
            run.setStatus(to);
            if (EvaluationStatus.RUNNING.equals(to)) {
                run.setStartedAt(Persistence.now());
            } else {
                run.setFinishedAt(Persistence.now());
            }
            if (patch.error() != null) {
                run.setError(patch.error().isBlank() ? null : Texts.cut(patch.error(), limits.maxTextChars()).text());
            }
            return view(run, results.aggregates(run.getId()));
        });
    }

    /** Stops a queued or running run; a cancelled one answers unchanged, a completed or failed one 409. */
    public Optional<EvaluationView> cancel(String id) {
        return find(id, LockModeType.PESSIMISTIC_WRITE).map(run -> {
            String status = run.getStatus();
            if (EvaluationStatus.COMPLETED.equals(status) || EvaluationStatus.FAILED.equals(status)) {
                throw ProblemException.conflict("Evaluation " + run.getId() + " has already " + status
                        + "; only a queued or running run can be cancelled");
            }
            if (!EvaluationStatus.CANCELLED.equals(status)) {
                run.setStatus(EvaluationStatus.CANCELLED);
                run.setFinishedAt(Persistence.now());
            }
            return view(run, results.aggregates(run.getId()));
        });
    }

    Optional<Evaluation> find(String id, LockModeType lock) {
        String key = id.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(lock == LockModeType.NONE ? evaluations.findById(key)
                : evaluations.findById(key, lock));
    }

    EvaluationView view(Evaluation run, Aggregates counts) {
        Tally all = counts.overall;
        return new EvaluationView(run.getId(), run.getOwnerId(), run.getOwnerRole(), run.getModel(),
                run.getPromptTemplate(), run.isUseSteps(), run.getVision(), run.getConcurrency(), read(run.getFilterJson()), run.getStatus(), all.total,
                all.done, all.errors, all.correct, all.progress(), all.accuracy(), counts.levelViews(),
                counts.fileTypeViews(), run.getError(), run.getCreatedAt(), run.getStartedAt(), run.getFinishedAt());
    }

    private String write(EvaluationFilter filter) {
        try {
            return json.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The filter cannot be written as JSON", e);
        }
    }

    private EvaluationFilter read(String filter) {
        try {
            return json.readValue(filter, EvaluationFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored filter is not valid JSON", e);
        }
    }
}
