package ai.datasuite.metadata.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The states of a run and of its result rows, as stored and as the API spells them, and the run's transitions. */
public final class EvaluationStatus {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String FAILED = "failed";
    public static final List<String> ALL = List.of(QUEUED, RUNNING, COMPLETED, CANCELLED, FAILED);

    /** What the runner may set by PATCH; cancelling is its own endpoint, for people. */
    public static final String PATCH_PATTERN = "running|completed|failed";
    public static final String PATCH_MESSAGE = "must be one of running, completed, failed";

    /** The runner's moves (PATCH); every other move answers 409. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            QUEUED, Set.of(RUNNING, FAILED),
            RUNNING, Set.of(COMPLETED, FAILED));

    public static final String PENDING = "pending";
    public static final String DONE = "done";
    public static final String ERROR = "error";
    public static final List<String> RESULT_ALL = List.of(PENDING, DONE, ERROR);
    public static final String RESULT_PATTERN = "done|error";
    public static final String RESULT_MESSAGE = "must be one of done, error";

    private EvaluationStatus() {
    }

    public static boolean allowed(String from, String to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** A run that will not change any more. */
    public static boolean isFinal(String status) {
        return COMPLETED.equals(status) || CANCELLED.equals(status) || FAILED.equals(status);
    }
}
