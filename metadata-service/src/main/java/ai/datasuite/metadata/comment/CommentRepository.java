package ai.datasuite.metadata.comment;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Comments, and the three guarded statements of the batch job's lease protocol: lock claimable rows, lease them,
 * write a result or a failure. Every write carries its own condition, so it is safe even where the lock is not taken.
 */
@ApplicationScoped
class CommentRepository implements PanacheRepositoryBase<Comment, Long> {

    /** Rows a claim may take: no prediction, not given up, under the attempt limit, no live lease. */
    private static final String CLAIMABLE = "c.status = :pending and c.attempts < :maxAttempts"
            + " and (c.leaseUntil is null or c.leaseUntil < :now)";

    /**
     * Locks up to {@code limit} claimable rows, oldest first, skipping rows other transactions hold.
     * {@code UPGRADE_SKIPLOCKED} is rendered by Hibernate 7.2 as {@code ... for update skip locked} on H2 2.x and
     * MariaDB >= 10.6 and as {@code from comments c with (updlock,rowlock,readpast)} on SQL Server.
     */
    public List<Long> lockClaimable(Instant now, int maxAttempts, int limit) {
        return getSession().createSelectionQuery("from Comment c where " + CLAIMABLE + " order by c.num",
                        Comment.class)
                .setParameter("pending", Comment.STATUS_PENDING)
                .setParameter("maxAttempts", maxAttempts)
                .setParameter("now", now)
                .setMaxResults(limit)
                .setHibernateLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .getResultList()
                .stream()
                .map(Comment::getNum)
                .toList();
    }

    /**
     * Leases the given rows to {@code worker} if they are still claimable: the guard a concurrent claimer cannot
     * pass once this commits (or, where no row lock was taken, whichever UPDATE runs second finds the live lease).
     */
    public int lease(List<Long> nums, String worker, Instant until, int maxAttempts, Instant now) {
        return getEntityManager().createQuery("update Comment c set c.leaseOwner = :worker, c.leaseUntil = :until,"
                        + " c.maxAttempts = :maxAttempts where c.num in :nums and " + CLAIMABLE)
                .setParameter("worker", worker)
                .setParameter("until", until)
                .setParameter("maxAttempts", maxAttempts)
                .setParameter("nums", nums)
                .setParameter("pending", Comment.STATUS_PENDING)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** The rows among {@code nums} that carry exactly this lease (read back after {@link #lease}), oldest first. */
    public List<Object[]> leased(List<Long> nums, String worker, Instant until) {
        return getSession().createSelectionQuery("select c.num, c.comments, c.attempts from Comment c"
                        + " where c.num in :nums and c.leaseOwner = :worker and c.leaseUntil = :until order by c.num",
                        Object[].class)
                .setParameter("nums", nums)
                .setParameter("worker", worker)
                .setParameter("until", until)
                .getResultList();
    }

    /** Writes a prediction if the row is unpredicted and leased to {@code worker}; 1 when written, else 0. */
    public int writePrediction(long num, String worker, String label, double score, String modelVersion,
                               Instant now) {
        return getEntityManager().createQuery("update Comment c set c.predictionResult = :label,"
                        + " c.predictionScore = :score, c.modelVersion = :modelVersion, c.predictedAt = :now,"
                        + " c.status = :predicted, c.leaseOwner = null, c.leaseUntil = null"
                        + " where c.num = :num and c.status = :pending and c.leaseOwner = :worker")
                .setParameter("label", label)
                .setParameter("score", score)
                .setParameter("modelVersion", modelVersion)
                .setParameter("now", now)
                .setParameter("predicted", Comment.STATUS_PREDICTED)
                .setParameter("num", num)
                .setParameter("pending", Comment.STATUS_PENDING)
                .setParameter("worker", worker)
                .executeUpdate();
    }

    /**
     * Records a failed attempt if the row is unpredicted and leased to {@code worker}: clears the lease, counts the
     * attempt and marks the row failed when the count reaches the claim's max_attempts. 1 when recorded, else 0.
     */
    public int recordFailure(long num, String worker, String error) {
        // status is assigned before attempts on purpose: MariaDB evaluates SET assignments left to right with the
        // values already assigned, H2 and SQL Server with the old ones; in this order both see the old attempts.
        return getEntityManager().createQuery("update Comment c set"
                        + " c.status = case when c.attempts + 1 >= c.maxAttempts then :failed else :pending end,"
                        + " c.attempts = c.attempts + 1, c.lastError = :error, c.leaseOwner = null,"
                        + " c.leaseUntil = null"
                        + " where c.num = :num and c.status = :pending and c.leaseOwner = :worker")
                .setParameter("failed", Comment.STATUS_FAILED)
                .setParameter("pending", Comment.STATUS_PENDING)
                .setParameter("error", error)
                .setParameter("num", num)
                .setParameter("worker", worker)
                .executeUpdate();
    }

    /**
     * The statistics in one GROUP BY: per (status, predicted label, true label) the row count, the sum of the scores
     * and the number of scores. Rows are {@code [String, String, String, Long, Double, Long]}; at most 3 x 8 x 8.
     */
    public List<Object[]> statsGroups(Instant from, Instant to) {
        return getSession().createSelectionQuery("select c.status, c.predictionResult, c.trueLabel, count(c),"
                        + " sum(c.predictionScore), count(c.predictionScore) from Comment c where " + window(from, to)
                        + " group by c.status, c.predictionResult, c.trueLabel", Object[].class)
                .setProperties(windowParameters(from, to))
                .getResultList();
    }

    /**
     * Comments per day of request_time, oldest day first. Instants are stored in UTC (jdbc.timezone=UTC; H2 keeps
     * offset +00:00), so the date part is the UTC day on every vendor. Rows are {@code [LocalDate, Long]}.
     */
    public List<Object[]> volumePerDay(Instant from, Instant to) {
        return getSession().createSelectionQuery("select cast(c.requestTime as LocalDate), count(c) from Comment c"
                        + " where " + window(from, to) + " group by cast(c.requestTime as LocalDate)"
                        + " order by cast(c.requestTime as LocalDate)", Object[].class)
                .setProperties(windowParameters(from, to))
                .getResultList();
    }

    private static String window(Instant from, Instant to) {
        return "1 = 1" + (from == null ? "" : " and c.requestTime >= :from")
                + (to == null ? "" : " and c.requestTime <= :to");
    }

    private static Map<String, Object> windowParameters(Instant from, Instant to) {
        Map<String, Object> parameters = new HashMap<>();
        if (from != null) {
            parameters.put("from", from);
        }
        if (to != null) {
            parameters.put("to", to);
        }
        return parameters;
    }
}
