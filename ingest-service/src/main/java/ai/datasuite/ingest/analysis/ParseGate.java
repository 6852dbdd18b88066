package ai.datasuite.ingest.analysis;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import ai.datasuite.problem.ProblemException;

/**
 * Bounds in-process Tika parsing: at most {@code ingest.tika.max-concurrent-parses} parses run at once, an upload
 * waits at most {@code ingest.tika.max-wait} for a slot (then 503 {@code analysis-busy} with Retry-After), and the
 * caller waits at most the given time for its parse. A parse cannot be killed in-process: one that runs past its time
 * is interrupted and cut off from its output, and keeps its slot until it really ends, so runaway parses can never
 * outnumber the slots.
 */
final class ParseGate {

    /** How a parse ended for its caller. */
    enum Outcome { DONE, TIMED_OUT }

    /** One parse; runs on the gate's own thread. */
    @FunctionalInterface
    interface Parse {
        void run() throws Exception;
    }

    static final String BUSY = "analysis-busy";
    private static final Logger LOG = Logger.getLogger(ParseGate.class);
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final AnalysisLimits.Parsing limits;
    private final Semaphore slots;

    ParseGate(AnalysisLimits.Parsing limits) {
        this.limits = limits;
        this.slots = new Semaphore(limits.maxConcurrent(), true);
    }

    /** Slots free right now (for tests and metrics). */
    int freeSlots() {
        return slots.availablePermits();
    }

    /**
     * Runs the parse on its own thread once a slot is free and waits for it at most {@code timeoutNanos}.
     *
     * @throws ProblemException 503 when no slot freed up within {@code ingest.tika.max-wait}
     * @throws Exception        what the parse threw
     */
    Outcome run(Parse parse, long timeoutNanos) throws Exception {
        if (!slots.tryAcquire(limits.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
            throw busy();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                parse.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            } finally {
                slots.release(); // only when the parse has really ended
            }
        }, "tika-parse-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (Throwable t) {
            slots.release();
            throw t;
        }
        try {
            done.get(timeoutNanos, TimeUnit.NANOSECONDS);
            return Outcome.DONE;
        } catch (TimeoutException e) {
            LOG.warnf("a parse ran past its time (ingest.tika.parse-timeout); %s interrupted, its slot stays taken "
                    + "until it ends", thread.getName());
            thread.interrupt();
            return Outcome.TIMED_OUT;
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw (Exception) cause;
        }
    }

    private ProblemException busy() {
        return new ProblemException(503, BUSY, "Too many files being analysed",
                "all " + limits.maxConcurrent() + " text-extraction slots (ingest.tika.max-concurrent-parses) stayed "
                        + "busy for " + limits.maxWait().toMillis() + " ms (ingest.tika.max-wait); nothing was stored, "
                        + "retry in a few seconds")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }
}
