package ai.datasuite.ingest.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import ai.datasuite.ingest.config.IngestConfig;
import ai.datasuite.problem.ProblemException;

/**
 * The threads that write uploads to S3 while their request thread analyses them. They are ingest's own and bounded
 * (threads and queue), never the worker pool the request threads come from: a request thread waiting on a put that
 * sits queued behind itself on the same pool is how the service deadlocked. The wait is bounded too; an upload given
 * up on is interrupted and whatever it wrote is removed, by whichever side sees the put end last.
 */
@ApplicationScoped
public class PutPool {

    private static final Logger LOG = Logger.getLogger(PutPool.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final Consumer<String> remove;
    private final ThreadPoolExecutor threads;
    private final Duration timeout;

    @Inject
    public PutPool(StorageService storage, IngestConfig config) {
        this(key -> storage.deleteQuietly(List.of(key)), config.storage().putThreads(), config.storage().putQueue(),
                config.storage().putTimeout());
    }

    /** For tests: {@code remove} deletes an object quietly. */
    PutPool(Consumer<String> remove, int threads, int queue, Duration timeout) {
        this.remove = remove;
        this.timeout = timeout;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(Math.max(1, queue)), task -> {
                    Thread thread = new Thread(task, "s3-put-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.threads.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void shutdown() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts {@code put}, which writes the object {@code key}.
     *
     * @throws ProblemException 503 {@code uploads-busy} when every put thread is busy and the queue is full
     */
    public Pending start(String key, Runnable put) {
        Pending pending = new Pending(key, put);
        try {
            pending.future = threads.submit(pending::run);
        } catch (RejectedExecutionException e) {
            throw new ProblemException(503, "uploads-busy", "Too many uploads in progress",
                    "every thread that stores uploads is busy and " + threads.getQueue().size()
                            + " uploads are waiting (ingest.storage.put-threads, ingest.storage.put-queue); "
                            + "nothing was stored. Retry in a few seconds.",
                    Map.of("retry_after_seconds", Integer.parseInt(RETRY_AFTER_SECONDS)))
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        return pending;
    }

    /** One put in flight. */
    public final class Pending {

        private final String key;
        private final Runnable put;
        private final CountDownLatch ended = new CountDownLatch(1);
        private Future<?> future;
        private boolean started;
        private boolean finished;
        private boolean abandoned;

        private Pending(String key, Runnable put) {
            this.key = key;
            this.put = put;
        }

        private void run() {
            synchronized (this) {
                if (abandoned) {
                    ended.countDown();
                    return;
                }
                started = true;
            }
            try {
                put.run();
            } finally {
                boolean cleanUp;
                synchronized (this) {
                    finished = true;
                    cleanUp = abandoned;
                }
                if (cleanUp) {
                    // Given up on while running: what it wrote is ours to remove (an interrupted thread cannot).
                    Thread.interrupted();
                    remove.accept(key);
                }
                ended.countDown();
            }
        }

        /**
         * Waits for the put, at most {@code ingest.storage.put-timeout}.
         *
         * @throws ProblemException 503 {@code storage-timeout} when it takes longer; the put is then given up and
         *                          its object removed
         * @throws RuntimeException what the put threw (S3 down, say)
         */
        public void await() {
            try {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                abandon(false);
                LOG.warnf("storing %s took longer than %s (ingest.storage.put-timeout); the upload was given up",
                        key, timeout);
                throw new ProblemException(503, "storage-timeout", "Storage too slow",
                        "the object store did not take the file within " + timeout.toSeconds()
                                + " seconds (ingest.storage.put-timeout); nothing was kept. Retry later.",
                        Map.of("retry_after_seconds", Integer.parseInt(RETRY_AFTER_SECONDS)))
                        .withHeader("Retry-After", RETRY_AFTER_SECONDS);
            } catch (InterruptedException e) {
                abandon(false);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the upload was being stored", e);
            } catch (CancellationException e) {
                throw new IllegalStateException("the upload was given up", e);
            }
        }

        /**
         * Gives the put up: it is interrupted (or never runs) and its object is removed. With {@code waitForEnd}
         * this returns once the put has ended and the removal is done (bounded by the put timeout), so the caller
         * can say that nothing was left behind.
         */
        public void abandon(boolean waitForEnd) {
            boolean cleanUpNow;
            boolean running;
            synchronized (this) {
                abandoned = true;
                cleanUpNow = finished;
                running = started && !finished;
            }
            if (future != null) {
                future.cancel(true);
                if (!running && !cleanUpNow) {
                    // Never started: free its place in the queue now rather than when a thread reaches it.
                    threads.remove((Runnable) future);
                }
            }
            if (cleanUpNow) {
                remove.accept(key);
            } else if (running && waitForEnd) {
                try {
                    if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        LOG.warnf("the put of %s did not stop; it is removed when it does", key);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
