package ai.datasuite.inference.job;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.inference.config.JobsConfig;
import ai.datasuite.problem.ProblemException;

/**
 * Batch jobs of this instance: at most one running per kind, their live counters, and a bounded history (in memory;
 * a restart forgets it, the rows in metadata-service are the record). Any kind of job can run here: the caller gives
 * the work, which updates the counters it has and returns a summary.
 */
@ApplicationScoped
public class JobTracker {

    private static final Logger LOG = Logger.getLogger(JobTracker.class);

    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    /** The body of a job; what it returns becomes the job's message. */
    @FunctionalInterface
    public interface Work {
        String run(Job job);
    }

    /** A job's state; counters are safe to update from the job's thread while others read them. */
    public static final class Job implements BatchPredictor.Progress {
        private final String id = UUID.randomUUID().toString();
        private final String kind;
        private final String trigger;
        private final String owner;
        private final String worker;
        private final Instant startedAt = Instant.now();
        private final AtomicInteger claimed = new AtomicInteger();
        private final AtomicInteger predicted = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger rejected = new AtomicInteger();
        private volatile String status = RUNNING;
        private volatile String message;
        private volatile Map<String, Object> result;
        private volatile Instant finishedAt;

        Job(String kind, String trigger, String owner, String worker) {
            this.kind = kind;
            this.trigger = trigger;
            this.owner = owner;
            this.worker = worker;
        }

        public String id() {
            return id;
        }

        @Override
        public void claimed(int n) {
            claimed.addAndGet(n);
        }

        @Override
        public void predicted(int n) {
            predicted.addAndGet(n);
        }

        @Override
        public void failed(int n) {
            failed.addAndGet(n);
        }

        @Override
        public void rejected(int n) {
            rejected.addAndGet(n);
        }

        public void message(String message) {
            this.message = message;
        }

        public void result(Map<String, Object> result) {
            this.result = result;
        }

        public JobView view() {
            return new JobView(id, kind, trigger, owner, status, worker, claimed.get(), predicted.get(), failed.get(),
                    rejected.get(), startedAt, finishedAt, message, result);
        }
    }

    private final int history;
    private final Map<String, Job> running = new HashMap<>();
    private final Deque<Job> recent = new ArrayDeque<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "batch-job");
        thread.setDaemon(true);
        return thread;
    });

    public JobTracker(JobsConfig config) {
        this.history = Math.max(1, config.history());
    }

    /**
     * Starts a job of {@code kind} for {@code starter} on a background thread (no request there: its calls to other
     * services carry this service's own identity); 409 if one is under way, naming it only to a caller who may see it.
     */
    public JobView submit(String kind, String trigger, String worker, JobViewer starter, Work work) {
        Job job = tryStart(kind, trigger, starter.id(), worker).orElseThrow(() -> {
            String runningId;
            synchronized (this) {
                Job other = running.get(kind);
                runningId = other == null || !starter.canSee(other.owner) ? null : other.id;
            }
            if (runningId == null) {
                return new ProblemException(409, "job-running", "Job already running",
                        "a " + kind + " job is already running on this instance; start another when it has finished",
                        Map.of());
            }
            return new ProblemException(409, "job-running", "Job already running",
                    "a " + kind + " job is already running on this instance (" + runningId + "); follow it at "
                            + "/api/v1/jobs/" + runningId + " and start another when it has finished",
                    Map.of("running_job_id", runningId));
        });
        executor.execute(() -> execute(job, work));
        return job.view();
    }

    /**
     * Runs a job of {@code kind} owned by {@code owner} on the caller's thread, unless one is running already (then
     * nothing happens).
     */
    public Optional<JobView> runIfIdle(String kind, String trigger, String owner, String worker, Work work) {
        Optional<Job> job = tryStart(kind, trigger, owner, worker);
        job.ifPresent(j -> execute(j, work));
        return job.map(Job::view);
    }

    /** The job, if {@code viewer} may see it: another user's job is as unknown as a missing one. */
    public synchronized Optional<JobView> find(String id, JobViewer viewer) {
        return recent.stream().filter(j -> j.id.equals(id) && viewer.canSee(j.owner)).findFirst().map(Job::view);
    }

    /** The jobs {@code viewer} may see, newest first. */
    public synchronized List<JobView> recent(JobViewer viewer) {
        List<JobView> views = new ArrayList<>();
        recent.descendingIterator().forEachRemaining(j -> {
            if (viewer.canSee(j.owner)) {
                views.add(j.view());
            }
        });
        return views;
    }

    private synchronized Optional<Job> tryStart(String kind, String trigger, String owner, String worker) {
        if (running.containsKey(kind)) {
            return Optional.empty();
        }
        Job job = new Job(kind, trigger, owner, worker);
        running.put(kind, job);
        recent.addLast(job);
        while (recent.size() > history) {
            recent.removeFirst();
        }
        return Optional.of(job);
    }

    private void execute(Job job, Work work) {
        try {
            String summary = work.run(job);
            finish(job, SUCCEEDED, summary);
        } catch (ProblemException e) {
            LOG.warnf("%s job %s failed: %s", job.kind, job.id, e.detail());
            finish(job, FAILED, e.detail());
        } catch (RuntimeException e) {
            // The exception's text may name server paths or internals: the log has it, the job says what happened.
            LOG.errorf(e, "%s job %s failed", job.kind, job.id);
            finish(job, FAILED, "the " + job.kind + " job failed unexpectedly and stopped; the service log has the"
                    + " details under job " + job.id);
        }
    }

    private synchronized void finish(Job job, String status, String message) {
        job.message = message;
        job.finishedAt = Instant.now();
        job.status = status;
        running.remove(job.kind, job);
        // A scheduled run that found nothing to do is not worth a history entry; every minute would push out the rest.
        if (SUCCEEDED.equals(status) && "scheduled".equals(job.trigger) && job.claimed.get() == 0) {
            recent.remove(job);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
