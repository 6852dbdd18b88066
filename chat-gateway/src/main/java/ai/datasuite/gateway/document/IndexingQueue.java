package ai.datasuite.gateway.document;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import ai.datasuite.gateway.config.DocumentsConfig;
import ai.datasuite.problem.ProblemException;

/**
 * The bounded pool that indexes large uploads after the answer: {@code gateway.documents.indexing.threads} at once,
 * at most {@code .queue} waiting; beyond that an upload is refused with 503 and Retry-After rather than piling up
 * (each waiting upload holds its chunks in memory).
 */
@Singleton
public class IndexingQueue {

    public static final String BUSY = "indexing-busy";

    private final ThreadPoolExecutor executor;
    private final int threads;
    private final int queue;
    private final Duration retryAfter;

    @Inject
    public IndexingQueue(DocumentsConfig config) {
        this(config.indexing().threads(), config.indexing().queue(), config.indexing().retryAfter());
    }

    IndexingQueue(int threads, int queue, Duration retryAfter) {
        this.threads = threads;
        this.queue = queue;
        this.retryAfter = retryAfter;
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                task -> {
                    Thread thread = new Thread(task, "document-indexing-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs {@code task} in the background, or throws the 503 problem when the queue is full. */
    public void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
    }

    public ProblemException busy() {
        long seconds = Math.max(1, retryAfter.toSeconds());
        return new ProblemException(503, BUSY, "Indexing queue full",
                "The gateway is already indexing " + threads + " uploads with " + queue
                        + " waiting (gateway.documents.indexing.threads / .queue). Your file is stored; upload it"
                        + " again in " + seconds + " s to index it.",
                Map.of("retry_after_seconds", seconds)).withHeader("Retry-After", String.valueOf(seconds));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
