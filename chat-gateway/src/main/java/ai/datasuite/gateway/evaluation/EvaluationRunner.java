package ai.datasuite.gateway.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.gateway.client.MetadataEvaluationsClient;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.Evaluation;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.Result;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.ResultPage;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.StatusPatch;
import ai.datasuite.gateway.config.EvaluationConfig;
import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * Runs evaluation runs in the background: at most {@code gateway.evaluations.max-running-runs} at once (later ones
 * wait, still {@code queued}), each with its own pool of {@code concurrency} threads. A run is marked running, its
 * pending rows are collected and evaluated ({@link TaskEvaluator}); before each task its status is read, and a
 * cancelled run stops taking tasks. At the end it is marked completed; failed only when the run itself cannot go on
 * (metadata-service refuses or is gone). Status changes use the gateway's service identity.
 */
@ApplicationScoped
public class EvaluationRunner {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String COMPLETED = "completed";
    static final String CANCELLED = "cancelled";
    static final String FAILED = "failed";
    static final String PENDING = "pending";
    private static final Logger LOG = Logger.getLogger(EvaluationRunner.class);

    private final MetadataEvaluationsClient metadata;
    private final TaskEvaluator evaluator;
    private final IdentityTokens tokens;
    private final EvaluationConfig config;
    private final ExecutorService runs;
    /** Runs queued or running in this gateway (a run is never started twice, e.g. by a resume at start-up). */
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    /** Runs cancelled through this gateway: they stop without waiting for the next status read. */
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final Set<ExecutorService> workers = ConcurrentHashMap.newKeySet();

    public EvaluationRunner(MetadataEvaluationsClient metadata, TaskEvaluator evaluator, IdentityTokens tokens,
                            EvaluationConfig config) {
        this.metadata = metadata;
        this.evaluator = evaluator;
        this.tokens = tokens;
        this.config = config;
        this.runs = Executors.newFixedThreadPool(config.maxRunningRuns(), daemon("evaluation-run"));
    }

    /**
     * Runs {@code run} (queued, or running when resumed) as soon as a slot is free; {@code role} is its owner's,
     * for reading tasks and files; false when it is running here already.
     */
    public boolean start(Evaluation run, String role, boolean vision) {
        if (!active.add(run.id())) {
            return false;
        }
        runs.execute(() -> {
            try {
                execute(run, role, vision);
            } catch (RuntimeException e) {
                fail(run.id(), e);
            } finally {
                active.remove(run.id());
                cancelled.remove(run.id());
            }
        });
        return true;
    }

    /** The run was cancelled: it takes no further task. */
    public void cancel(String id) {
        if (active.contains(id)) {
            cancelled.add(id);
        }
    }

    public boolean running(String id) {
        return active.contains(id);
    }

    private void execute(Evaluation queued, String role, boolean vision) {
        String service = service();
        Evaluation run = metadata.get(queued.id(), service);
        if (run.ended() || cancelled.contains(run.id())) {
            return;
        }
        if (QUEUED.equals(run.status())) {
            try {
                run = metadata.patch(run.id(), new StatusPatch(RUNNING, null), service);
            } catch (RemoteRejectedException e) {
                if (e.remoteStatus() == 409) {
                    return; // cancelled while it waited for a slot
                }
                throw e;
            }
        }
        List<String> pending = pending(run.id(), service);
        LOG.infof("Evaluation %s: %d task(s) to run with %s, %d at once", run.id(), pending.size(), run.model(),
                concurrency(run));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger unrecorded = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency(run), daemon("evaluation-task"));
        workers.add(pool);
        Evaluation current = run;
        try {
            for (String taskId : pending) {
                pool.execute(() -> {
                    if (stop.get() || stopped(current.id())) {
                        stop.set(true);
                        return;
                    }
                    try {
                        evaluator.evaluate(current, taskId, role, vision);
                    } catch (RuntimeException e) {
                        unrecorded.incrementAndGet(); // stays pending; a resume after a restart does it again
                        LOG.warnf("Evaluation %s, task %s: the result could not be recorded (%s)", current.id(),
                                taskId, e.getMessage());
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS)) {
                return;
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            return; // the gateway stops: the run stays running and is resumed at the next start
        } finally {
            workers.remove(pool);
        }
        if (stop.get() || stopped(run.id())) {
            LOG.infof("Evaluation %s was cancelled", run.id());
            return;
        }
        if (unrecorded.get() > 0 && unrecorded.get() == pending.size()) {
            throw new IllegalStateException("none of its " + pending.size() + " results could be recorded in"
                    + " metadata-service");
        }
        try {
            metadata.patch(run.id(), new StatusPatch(COMPLETED, null), service());
        } catch (RemoteRejectedException e) {
            if (e.remoteStatus() != 409) {
                throw e;
            }
        }
        LOG.infof("Evaluation %s completed", run.id());
    }

    /** The task ids of the run's pending rows, in task order. */
    private List<String> pending(String id, String service) {
        List<String> ids = new ArrayList<>();
        int page = 0;
        ResultPage batch;
        do {
            batch = metadata.results(id, PENDING, null, null, page++, config.pageSize(), service);
            batch.all().stream().map(Result::taskId).forEach(ids::add);
        } while (!batch.all().isEmpty() && (long) page * config.pageSize() < batch.total());
        return ids;
    }

    /** True when the run was cancelled (here, or as metadata-service now says). */
    private boolean stopped(String id) {
        if (cancelled.contains(id)) {
            return true;
        }
        try {
            Evaluation now = metadata.get(id, service());
            return CANCELLED.equals(now.status()) || now.ended() && !COMPLETED.equals(now.status());
        } catch (RuntimeException e) {
            return false; // metadata-service did not answer: go on, the row's write will tell
        }
    }

    /** The run cannot go on: it ends failed with what went wrong. */
    private void fail(String id, RuntimeException e) {
        LOG.warnf(e, "Evaluation %s failed", id);
        String reason = e instanceof ai.datasuite.problem.ProblemException || e instanceof IllegalStateException
                ? e.getMessage() : "an unexpected error (the gateway's log has it)";
        try {
            metadata.patch(id, new StatusPatch(FAILED, "The run could not go on: " + reason), service());
        } catch (RuntimeException patchFailed) {
            LOG.errorf("Evaluation %s: could not record its failure (%s)", id, patchFailed.getMessage());
        }
    }

    private int concurrency(Evaluation run) {
        Integer asked = run.concurrency();
        return Math.max(1, Math.min(asked == null ? config.defaultConcurrency() : asked, config.maxConcurrency()));
    }

    private String service() {
        return "Bearer " + tokens.mintForService();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        workers.forEach(ExecutorService::shutdownNow);
        runs.shutdownNow();
    }
}
