package ai.datasuite.inference.comment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.identity.Caller;
import ai.datasuite.inference.EmotionLabels;
import ai.datasuite.inference.LimitProblem;
import ai.datasuite.inference.client.CommentFilter;
import ai.datasuite.inference.client.LabelUpdate;
import ai.datasuite.inference.client.MetadataClient;
import ai.datasuite.inference.client.NewRemoteComment;
import ai.datasuite.inference.client.RemoteComment;
import ai.datasuite.inference.client.RemoteStats;
import ai.datasuite.inference.config.CommentsConfig;
import ai.datasuite.inference.serving.Prediction;
import ai.datasuite.inference.serving.TextClassifier;
import ai.datasuite.problem.ProblemException;

/**
 * The comment workflow: rows live in metadata-service, predictions come from the {@link TextClassifier}. Authors come
 * from the verified {@link Caller}: a user posts, lists and reads their own comments; annotators and admins read and
 * label everyone's. metadata-service receives the caller's identity too and applies the same rules.
 */
@ApplicationScoped
public class CommentService {

    private static final Logger LOG = Logger.getLogger(CommentService.class);
    /** metadata-service's column; a schema rule, not a cost. */
    static final int MAX_USERNAME = 150;
    private static final List<String> STATUSES = List.of("pending", "predicted", "failed");

    private final MetadataClient metadata;
    private final TextClassifier classifier;
    private final CommentsConfig config;
    private final Caller caller;

    public CommentService(MetadataClient metadata, TextClassifier classifier, CommentsConfig config, Caller caller) {
        this.metadata = metadata;
        this.classifier = classifier;
        this.config = config;
        this.caller = caller;
    }

    /**
     * Stores a comment. With {@code predictNow} it is classified first and stored predicted in the same call; when
     * that fails (model unloaded, say) the comment is still stored, pending, with a notice: the batch job predicts it
     * later and the user's text is never lost to a model problem. The author is the caller unless an admin names
     * another (403 for anyone else who does).
     */
    public CommentView create(NewComment comment, boolean predictNow) {
        String author = caller.ownerFor(comment.username(), "username");
        requireLength("username", author, MAX_USERNAME, null);
        requireLength("comment", comment.comment(), config.limits().maxChars(), "inference.comments.limits.max-chars");
        NewRemoteComment.Prediction prediction = null;
        String notice = null;
        if (predictNow) {
            try {
                Prediction p = classifier.classify(config.modelId(), List.of(comment.comment()), 0).get(0);
                if (!EmotionLabels.isLabel(p.label())) {
                    throw new IllegalStateException("model '" + config.modelId() + "' answered label '" + p.label()
                            + "', which is not one of " + EmotionLabels.ALL);
                }
                prediction = new NewRemoteComment.Prediction(p.label(), p.score(),
                        p.recordedVersion(config.modelId()));
            } catch (ProblemException e) {
                notice = deferred(e.detail());
            } catch (RuntimeException e) {
                LOG.warnf(e, "synchronous prediction with model '%s' failed, comment stored pending", config.modelId());
                notice = deferred("an internal error; the service log has the details");
            }
        }
        RemoteComment stored = metadata.create(new NewRemoteComment(author, comment.comment(), prediction));
        return CommentMapper.toView(stored, notice);
    }

    private String deferred(String reason) {
        return "The comment was stored pending: the synchronous prediction with model '" + config.modelId()
                + "' failed (" + reason + "). The batch job will predict it.";
    }

    /** Annotators and admins filter by any author (none: everyone's); a user lists their own (403 naming another). */
    public CommentPage list(CommentFilter requested, int page, int size) {
        CommentFilter filter = caller.isAnnotator() ? requested
                : requested.withUser(caller.ownerFor(requested.user(), "user"));
        if (filter.predictedLabel() != null) {
            EmotionLabels.require("predicted_label", filter.predictedLabel());
        }
        if (filter.trueLabel() != null) {
            EmotionLabels.require("true_label", filter.trueLabel());
        }
        if (filter.status() != null && !STATUSES.contains(filter.status())) {
            throw ProblemException.validation("status must be one of " + String.join(", ", STATUSES) + ", not '"
                    + filter.status() + "'", Map.of("allowed", STATUSES));
        }
        requireTime("from", filter.from());
        requireTime("to", filter.to());
        int maxSize = config.limits().maxPageSize();
        if (page < 0 || size < 1) {
            throw ProblemException.validation("page must be >= 0 and size between 1 and " + maxSize, null);
        }
        if (size > maxSize) {
            throw LimitProblem.invalid("size must be at most " + maxSize + ", not " + size,
                    "inference.comments.limits.max-page-size", maxSize, null);
        }
        return CommentMapper.toPage(metadata.list(filter, page, size));
    }

    /** Another user's comment is as unknown as a missing one, unless the caller is an annotator or admin. */
    public CommentView get(long num) {
        return metadata.get(num)
                .filter(comment -> caller.isAnnotator() || caller.id().equals(comment.requestUser()))
                .map(CommentMapper::toView).orElseThrow(() -> missing(num));
    }

    /**
     * Records an annotator's true label (one of the seven) and feedback; the caller becomes {@code labelled_by}, and a
     * body naming anyone else is refused (403).
     */
    public CommentView label(long num, LabelRequest request) {
        caller.requireAnnotator("Labelling a comment");
        if (request.labelledBy() != null && !request.labelledBy().equals(caller.id())) {
            throw new ProblemException(403, ProblemException.FORBIDDEN, "Forbidden", "'labelled_by' names another "
                    + "user ('" + request.labelledBy() + "'); the labeller is always the caller ('" + caller.id()
                    + "'). Leave 'labelled_by' out.");
        }
        EmotionLabels.require("true_label", request.trueLabel());
        requireLength("feedback", request.feedback(), config.limits().maxFeedbackChars(),
                "inference.comments.limits.max-feedback-chars");
        return metadata.label(num, new LabelUpdate(request.trueLabel(), request.feedback(), caller.id()))
                .map(CommentMapper::toView)
                .orElseThrow(() -> missing(num));
    }

    public RemoteStats stats(String from, String to) {
        requireTime("from", from);
        requireTime("to", to);
        return metadata.stats(from, to);
    }

    /** Lengths in code points, as metadata-service counts them (an emoji is one character); a limit names its key. */
    private static void requireLength(String field, String value, int max, String key) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            String message = "must be at most " + max + " characters";
            Map<String, Object> errors = Map.of("errors", List.of(Map.of("field", field, "message", message)));
            throw key == null ? ProblemException.validation(field + " " + message, errors)
                    : LimitProblem.invalid(field + " " + message, key, max, errors);
        }
    }

    /** metadata-service's filters accept an ISO instant or a date; anything else is our 400, before the call. */
    static void requireTime(String field, String value) {
        if (value == null) {
            return;
        }
        try {
            Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate.parse(value);
            } catch (DateTimeParseException notDate) {
                throw ProblemException.validation(field + " must be an ISO instant (2026-11-26T10:00:00Z) or a date "
                        + "(2026-11-26), not '" + value + "'", null);
            }
        }
    }

    private static ProblemException missing(long num) {
        return ProblemException.notFound("comment " + num + " does not exist");
    }
}
