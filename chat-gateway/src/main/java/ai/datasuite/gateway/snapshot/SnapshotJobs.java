package ai.datasuite.gateway.snapshot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import ai.datasuite.gateway.config.SnapshotConfig;
import ai.datasuite.problem.ProblemException;

/**
 * The imports, in memory (a restart forgets them; an import is idempotent, so sending the zip again rebuilds its
 * report). At most {@code gateway.snapshots.max-jobs} per owner: a new one drops the owner's oldest finished one.
 */
@Singleton
public class SnapshotJobs {

    private final int maxJobs;
    /** Per owner, oldest first. */
    private final Map<String, Deque<SnapshotJob>> byOwner = new HashMap<>();
    private final Map<String, SnapshotJob> byId = new HashMap<>();

    public SnapshotJobs(SnapshotConfig config) {
        this.maxJobs = config.maxJobs();
    }

    /** Keeps a new job; 503 when the owner has {@code max-jobs} imports still running. */
    synchronized void add(SnapshotJob job) {
        Deque<SnapshotJob> jobs = byOwner.computeIfAbsent(job.owner(), owner -> new ArrayDeque<>());
        if (jobs.size() >= maxJobs) {
            SnapshotJob oldestFinished = jobs.stream().filter(SnapshotJob::finished).findFirst()
                    .orElseThrow(() -> new ProblemException(503, "snapshot-imports-busy", "Too many imports",
                            "You have " + jobs.size() + " snapshot imports running, the most kept per user"
                                    + " (gateway.snapshots.max-jobs). Retry when one has finished.",
                            Map.of("retry_after_seconds", 30)).withHeader("Retry-After", "30"));
            jobs.remove(oldestFinished);
            byId.remove(oldestFinished.id());
        }
        jobs.addLast(job);
        byId.put(job.id(), job);
    }

    /** The job, when it exists and is the viewer's (an admin sees every job). */
    synchronized Optional<SnapshotJob> find(String id, String viewer, boolean admin) {
        SnapshotJob job = byId.get(id);
        return job != null && (admin || job.owner().equals(viewer)) ? Optional.of(job) : Optional.empty();
    }

    /** The owner's jobs, newest first. */
    synchronized List<SnapshotJob> of(String owner) {
        Deque<SnapshotJob> jobs = byOwner.get(owner);
        if (jobs == null) {
            return List.of();
        }
        List<SnapshotJob> newestFirst = new ArrayList<>(jobs);
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
