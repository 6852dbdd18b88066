package ai.datasuite.gateway.product;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import ai.datasuite.gateway.config.ProductsConfig;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * The product jobs (imports' Parquet and index, categorizations), in memory: a restart forgets them (the catalog
 * stays in metadata; a job can be started again). At most {@code gateway.products.max-jobs-kept}: a new job drops the
 * oldest finished one. {@code gateway.products.job-threads} run at once; the others wait (queued). Owner-scoped: a
 * user sees their own jobs, an admin all.
 */
@Singleton
public class ProductJobs {

    private static final Logger LOG = Logger.getLogger(ProductJobs.class);

    /** The work of a job, told its job to report progress. */
    @FunctionalInterface
    interface Work {
        void run(ProductJob job) throws Exception;
    }

    private final int maxKept;
    private final ExecutorService executor;
    /** Oldest first. */
    private final Map<String, ProductJob> jobs = new LinkedHashMap<>();

    public ProductJobs(ProductsConfig config) {
        this.maxKept = config.maxJobsKept();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(config.jobThreads(), r -> {
            Thread t = new Thread(r, "product-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Keeps the job and queues its work; returns its view as queued. 409 when {@code exclusive} and a job of the
     * same kind runs on the catalog, 503 when every kept job is still running.
     */
    synchronized JobView start(ProductJob job, boolean exclusive, Work work) {
        if (exclusive && jobs.values().stream().anyMatch(other -> other.kind().equals(job.kind())
                && other.catalogId() == job.catalogId() && !other.finished())) {
            throw ProblemException.conflict("A " + job.kind() + " job is running on catalog " + job.catalogId()
                    + " already; wait until it has finished (GET /api/v1/products/jobs).");
        }
        if (jobs.size() >= maxKept) {
            ProductJob oldestFinished = jobs.values().stream().filter(ProductJob::finished).findFirst()
                    .orElseThrow(() -> new ProblemException(503, "product-jobs-busy", "Too many jobs", "There are "
                            + jobs.size() + " product jobs running, the most kept (gateway.products.max-jobs-kept)."
                            + " Retry when one has finished.", Map.of("retry_after_seconds", 30))
                            .withHeader("Retry-After", "30"));
            jobs.remove(oldestFinished.id());
        }
        jobs.put(job.id(), job);
        JobView queued = job.view(); // before the work can change it
        executor.execute(() -> run(job, work));
        return queued;
    }

    private static void run(ProductJob job, Work work) {
        try {
            work.run(job);
        } catch (RemoteRejectedException e) {
            job.failed(e.remoteStatus() + " from a service: " + e.getMessage());
        } catch (ProblemException e) {
            job.failed(e.getMessage());
        } catch (Exception e) {
            LOG.errorf(e, "Product job %s (%s of catalog %d) failed", job.id(), job.kind(), job.catalogId());
            job.failed("The job failed unexpectedly (" + e.getClass().getSimpleName() + "); the gateway's log has"
                    + " the details. Start it again.");
        }
    }

    /** The job, when it exists and the caller may see it. */
    public synchronized Optional<JobView> find(String id, Caller caller) {
        ProductJob job = jobs.get(id);
        return job != null && caller.canSee(job.owner().user()) ? Optional.of(job.view()) : Optional.empty();
    }

    /** The caller's jobs (an admin: all), newest first. */
    public synchronized List<JobView> visibleTo(Caller caller) {
        List<JobView> views = new ArrayList<>();
        for (ProductJob job : jobs.values()) {
            if (caller.canSee(job.owner().user())) {
                views.add(job.view());
            }
        }
        Collections.reverse(views);
        return views;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
