package ai.datasuite.metadata.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The result rows, and the GROUP BY queries that give a run its counts. */
@ApplicationScoped
class EvaluationResultRepository implements PanacheRepositoryBase<EvaluationResult, EvaluationResult.Key> {

    // total, done (finished: done or error), errors, correct (a done row scored right; an error row is wrong).
    private static final String COUNTS = "count(r),"
            + " sum(case when r.status <> 'pending' then 1 else 0 end),"
            + " sum(case when r.status = 'error' then 1 else 0 end),"
            + " sum(case when r.status = 'done' and r.correct = true then 1 else 0 end)";

    /** The counts of each run named, by level and by file type; a run without rows is absent. */
    Map<String, Aggregates> aggregates(Collection<String> evaluationIds) {
        Map<String, Aggregates> all = new HashMap<>();
        if (evaluationIds.isEmpty()) {
            return all;
        }
        List<String> ids = List.copyOf(evaluationIds);
        for (Object[] row : grouped("r.level", ids)) {
            Aggregates a = all.computeIfAbsent((String) row[0], k -> new Aggregates());
            Tally t = a.byLevel.computeIfAbsent(((Number) row[1]).intValue(), k -> new Tally());
            t.add(number(row[2]), number(row[3]), number(row[4]), number(row[5]));
            a.overall.add(number(row[2]), number(row[3]), number(row[4]), number(row[5]));
        }
        for (Object[] row : grouped("r.fileType", ids)) {
            Aggregates a = all.computeIfAbsent((String) row[0], k -> new Aggregates());
            a.byFileType.computeIfAbsent((String) row[1], k -> new Tally())
                    .add(number(row[2]), number(row[3]), number(row[4]), number(row[5]));
        }
        return all;
    }

    Aggregates aggregates(String evaluationId) {
        return aggregates(List.of(evaluationId)).getOrDefault(evaluationId, new Aggregates());
    }

    /** Latencies of the run's finished rows that recorded one, in milliseconds, ascending. */
    List<Long> latencies(String evaluationId) {
        return getEntityManager().createQuery("select r.latencyMs from EvaluationResult r"
                        + " where r.evaluationId = :id and r.status <> 'pending' and r.latencyMs is not null"
                        + " order by r.latencyMs", Long.class)
                .setParameter("id", evaluationId).getResultList();
    }

    /**
     * The tasks finished in both runs, by task id: task_id, level (run a's), file_type (a's), right in a, steps
     * version in a, right in b, steps version in b. Only these few columns are read, never the texts.
     */
    List<Object[]> finishedInBoth(String a, String b) {
        return new ArrayList<>(getEntityManager().createQuery("select ra.taskId, ra.level, ra.fileType,"
                        + " case when ra.status = 'done' and ra.correct = true then true else false end,"
                        + " ra.stepsVersion,"
                        + " case when rb.status = 'done' and rb.correct = true then true else false end,"
                        + " rb.stepsVersion"
                        + " from EvaluationResult ra, EvaluationResult rb"
                        + " where ra.evaluationId = :a and rb.evaluationId = :b and rb.taskId = ra.taskId"
                        + " and ra.status <> 'pending' and rb.status <> 'pending'"
                        + " order by ra.taskId", Object[].class)
                .setParameter("a", a).setParameter("b", b).getResultList());
    }

    private List<Object[]> grouped(String key, List<String> ids) {
        return getEntityManager().createQuery("select r.evaluationId, " + key + ", " + COUNTS
                        + " from EvaluationResult r where r.evaluationId in :ids"
                        + " group by r.evaluationId, " + key, Object[].class)
                .setParameter("ids", ids).getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
