package ai.datasuite.metadata.evaluation;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.metadata.config.MetadataConfig;
import ai.datasuite.problem.ProblemException;

/**
 * The per-task rows of a run: the runner writes each (the last write wins; texts cut at
 * metadata.evaluations.max-text-chars), people page through them with the task's question and ground truth.
 * A write touches only its own row, so concurrent writes for different tasks of one run never lose each other.
 */
@ApplicationScoped
@Transactional
public class EvaluationResultService {

    /** The filters of {@link #list}; null takes any. */
    public record Query(String status, Boolean correct, Integer level) {
    }

    private final EvaluationService runs;
    private final EvaluationResultRepository results;
    private final MetadataConfig.Evaluations limits;

    public EvaluationResultService(EvaluationService runs, EvaluationResultRepository results, MetadataConfig config) {
        this.runs = runs;
        this.results = results;
        this.limits = config.evaluations();
    }

    /** Rows ordered by task_id; {@code correct=false} takes finished rows that are not right (errors included). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<ResultView> list(String evaluationId, Query query, int page, int size) {
        Evaluation run = runs.find(evaluationId, LockModeType.NONE).orElseThrow(() -> notFound(evaluationId));
        if (query.status() != null && !EvaluationStatus.RESULT_ALL.contains(query.status())) {
            throw InvalidField.problem("status", "must be one of pending, done, error");
        }
        StringBuilder where = new StringBuilder(" where r.evaluationId = :id");
        if (query.status() != null) {
            where.append(" and r.status = :status");
        }
        if (query.correct() != null) {
            where.append(query.correct() ? " and r.status = 'done' and r.correct = true"
                    : " and r.status <> 'pending' and (r.status = 'error' or r.correct is null or r.correct = false)");
        }
        if (query.level() != null) {
            where.append(" and r.level = :level");
        }
        var em = results.getEntityManager();
        long total = bind(em.createQuery("select count(r) from EvaluationResult r" + where, Long.class), run, query)
                .getSingleResult();
        // The task's question and answer are read at listing time: a left join, so a deleted task leaves nulls.
        List<Object[]> rows = bind(em.createQuery("select r, t.question, t.finalAnswer from EvaluationResult r"
                        + " left join Task t on t.taskId = r.taskId" + where + " order by r.taskId", Object[].class),
                run, query)
                .setFirstResult(Persistence.page(page, size).index * size)
                .setMaxResults(size)
                .getResultList();
        List<ResultView> items = rows.stream()
                .map(row -> ResultView.of((EvaluationResult) row[0], (String) row[1], (String) row[2])).toList();
        return new PageView<>(items, page, size, total);
    }

    /** Replaces the row of one task; 404 when the run is unknown or the task is not in it. */
    public ResultView write(String evaluationId, String taskId, ResultWriteRequest body) {
        Evaluation run = runs.find(evaluationId, LockModeType.NONE).orElseThrow(() -> notFound(evaluationId));
        EvaluationResult row = results.findById(new EvaluationResult.Key(run.getId(), taskId));
        if (row == null) {
            throw ProblemException.notFound("Task " + taskId + " is not in evaluation " + run.getId());
        }
        int max = limits.maxTextChars();
        Texts.Cut prompt = Texts.cut(body.prompt(), max);
        Texts.Cut raw = Texts.cut(body.rawAnswer(), max);
        Texts.Cut answer = Texts.cut(body.finalAnswer(), max);
        Texts.Cut error = Texts.cut(body.error(), max);
        Texts.Cut notes = Texts.cut(body.notes(), max);
        row.setStatus(body.status());
        row.setPrompt(prompt.text());
        row.setRawAnswer(raw.text());
        row.setFinalAnswer(answer.text());
        row.setError(error.text());
        row.setNotes(notes.text());
        row.setTruncated(Boolean.TRUE.equals(body.truncated()) || prompt.wasCut() || raw.wasCut() || answer.wasCut()
                || error.wasCut() || notes.wasCut());
        row.setCorrect(body.correct());
        row.setScoreKind(body.scoreKind());
        row.setLatencyMs(body.latencyMs());
        row.setInputTokens(body.inputTokens());
        row.setOutputTokens(body.outputTokens());
        row.setAttempts(body.attempts());
        row.setStepsVersion(body.stepsVersion());
        row.setStepsUsed(Boolean.TRUE.equals(body.stepsUsed()));
        row.setUpdatedAt(Persistence.now());
        Object[] task = results.getEntityManager()
                .createQuery("select t.question, t.finalAnswer from Task t where t.taskId = :id", Object[].class)
                .setParameter("id", taskId).getResultStream().findFirst().orElse(new Object[2]);
        return ResultView.of(row, (String) task[0], (String) task[1]);
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("No evaluation " + id.toLowerCase(Locale.ROOT));
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, Evaluation run, Query query) {
        q.setParameter("id", run.getId());
        if (query.status() != null) {
            q.setParameter("status", query.status());
        }
        if (query.level() != null) {
            q.setParameter("level", query.level());
        }
        return q;
    }
}
