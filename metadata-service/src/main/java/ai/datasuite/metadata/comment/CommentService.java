package ai.datasuite.metadata.comment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;

/**
 * Comments: storing, listing, admin labels, statistics, and the lease protocol of inference-service's batch job
 * (claim pending rows under a lease, then write predictions or failures back only while holding the lease).
 */
@ApplicationScoped
@Transactional
public class CommentService {

    /** last_error keeps this many characters of a worker's error. */
    static final int MAX_ERROR_LENGTH = 500;

    private final CommentRepository comments;
    private final CommentMapper mapper;

    public CommentService(CommentRepository comments, CommentMapper mapper) {
        this.comments = comments;
        this.mapper = mapper;
    }

    /** Stores the comment as written by {@code author} (the caller's rule already applied to the body's username). */
    public CommentView create(CommentCreateRequest request, String author) {
        Instant now = Persistence.now();
        Comment comment = new Comment();
        comment.setComments(request.comment());
        comment.setRequestUser(author);
        comment.setRequestTime(now);
        if (request.prediction() != null) {
            comment.setStatus(Comment.STATUS_PREDICTED);
            comment.setPredictionResult(request.prediction().label());
            comment.setPredictionScore(request.prediction().score());
            comment.setModelVersion(request.prediction().modelVersion());
            comment.setPredictedAt(now);
        }
        comments.persist(comment);
        return mapper.toView(comment);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CommentView> find(long num) {
        return comments.findByIdOptional(num).map(mapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<CommentView> list(CommentQuery query, int page, int size) {
        TimeBounds.check(query.from(), query.to());
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (query.user() != null) {
            where.append(" and requestUser = :user");
            params.and("user", query.user());
        }
        if (query.predictedLabel() != null) {
            where.append(" and predictionResult = :predicted");
            params.and("predicted", query.predictedLabel());
        }
        if (query.trueLabel() != null) {
            where.append(" and trueLabel = :trueLabel");
            params.and("trueLabel", query.trueLabel());
        }
        if (query.labelled() != null) {
            where.append(query.labelled() ? " and trueLabel is not null" : " and trueLabel is null");
        }
        if (query.status() != null) {
            where.append(" and status = :status");
            params.and("status", query.status());
        }
        if (query.from() != null) {
            where.append(" and requestTime >= :from");
            params.and("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and requestTime <= :to");
            params.and("to", query.to());
        }
        PanacheQuery<Comment> found = comments.find(where.toString(), Sort.descending("num"), params);
        List<CommentView> items = found.page(Persistence.page(page, size)).list().stream().map(mapper::toView)
                .toList();
        return new PageView<>(items, page, size, found.count());
    }

    /** Sets the label of {@code labelledBy} (replacing an earlier one); empty when there is no such comment. */
    public Optional<CommentView> label(long num, LabelRequest request, String labelledBy) {
        Optional<Comment> found = comments.findByIdOptional(num);
        found.ifPresent(comment -> {
            comment.setTrueLabel(request.trueLabel());
            comment.setFeedback(request.feedback());
            comment.setLabelledBy(labelledBy);
            comment.setLabelledAt(Persistence.now());
        });
        return found.map(mapper::toView);
    }

    /**
     * Leases up to {@code limit} claimable comments to the worker, oldest first. Two guards, so that two concurrent
     * claimers never get the same row: the SELECT locks its rows and skips rows other claimers have locked
     * (FOR UPDATE SKIP LOCKED / READPAST), and the UPDATE only leases rows that are still claimable; only what the
     * UPDATE actually leased is returned.
     */
    public ClaimView claim(ClaimRequest request) {
        Instant now = Persistence.now();
        Instant until = now.plusSeconds(request.leaseSeconds());
        List<Long> nums = comments.lockClaimable(now, request.maxAttempts(), request.limit());
        if (nums.isEmpty()) {
            return new ClaimView(until, List.of());
        }
        comments.lease(nums, request.worker(), until, request.maxAttempts(), now);
        List<ClaimView.Claimed> claimed = comments.leased(nums, request.worker(), until).stream()
                .map(row -> new ClaimView.Claimed((Long) row[0], (String) row[1], (Integer) row[2]))
                .toList();
        return new ClaimView(until, claimed);
    }

    /**
     * Applies a worker's predictions, then its failures, each only where the row is unpredicted and still leased to
     * this worker (a lease that expired but was not re-claimed still counts: nobody else can be working on the row).
     */
    public ResultsView results(ResultsRequest request) {
        Instant now = Persistence.now();
        int written = 0;
        List<Long> rejected = new ArrayList<>();
        // In num order, so two concurrent reports never lock the same rows in opposite orders.
        List<ResultsRequest.Prediction> predictions = request.predictionsOrEmpty().stream()
                .sorted(Comparator.comparing(ResultsRequest.Prediction::num)).toList();
        for (ResultsRequest.Prediction p : predictions) {
            if (comments.writePrediction(p.num(), request.worker(), p.label(), p.score(), p.modelVersion(), now)
                    == 1) {
                written++;
            } else {
                rejected.add(p.num());
            }
        }
        List<ResultsRequest.Failure> failures = request.failuresOrEmpty().stream()
                .sorted(Comparator.comparing(ResultsRequest.Failure::num)).toList();
        for (ResultsRequest.Failure f : failures) {
            if (comments.recordFailure(f.num(), request.worker(), truncate(f.error())) != 1) {
                rejected.add(f.num());
            }
        }
        return new ResultsView(written, rejected);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CommentStatsView stats(Instant from, Instant to) {
        TimeBounds.check(from, to);
        List<CommentStatistics.Group> groups = comments.statsGroups(from, to).stream()
                .map(row -> new CommentStatistics.Group((String) row[0], (String) row[1], (String) row[2],
                        ((Number) row[3]).longValue(), row[4] == null ? 0.0 : ((Number) row[4]).doubleValue(),
                        ((Number) row[5]).longValue()))
                .toList();
        List<CommentStatsView.DayCount> days = comments.volumePerDay(from, to).stream()
                .map(row -> new CommentStatsView.DayCount((LocalDate) row[0], ((Number) row[1]).longValue()))
                .toList();
        return CommentStatistics.compute(groups, days);
    }

    /** At most 500 characters, never cutting a surrogate pair in half. */
    static String truncate(String error) {
        if (error == null || error.length() <= MAX_ERROR_LENGTH) {
            return error;
        }
        int end = MAX_ERROR_LENGTH;
        if (Character.isHighSurrogate(error.charAt(end - 1))) {
            end--;
        }
        return error.substring(0, end);
    }
}
