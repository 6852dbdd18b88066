package ai.datasuite.inference.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * Dynamic micro-batching for one loaded model: requests queued while the model is busy, or arriving within the max
 * wait once requests are seen to overlap, are merged into one session run of at most the max batch size. One
 * dispatcher thread per model; a failed run fails only the requests of that batch. A lone request (the model idle,
 * nothing queued, no recent overlap) from a thread that may block runs on that thread ({@link #submit}): it pays
 * neither batching latency nor the two thread hand-offs to the dispatcher and back. A caller that must not block (an
 * event loop) {@linkplain #enqueue queues} instead. One run at a time either way ({@code slot}), so requests arriving
 * during an inline run queue up and are merged.
 */
final class PredictionBatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PredictionBatcher.class);

    /** What a batch is run with: texts in, one row of logits per text out. */
    @FunctionalInterface
    public interface BatchRunner {
        float[][] run(List<String> texts) throws Exception;
    }

    /** Counters since the batcher started. */
    public record Stats(long runs, long texts, long requests, long largestBatch) {
    }

    private record Request(List<String> texts, CompletableFuture<float[][]> result) {
    }

    private static final Request STOP = new Request(List.of(), null);

    private final BatchRunner runner;
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread dispatcher;
    /** Held by whichever thread runs the model: the dispatcher or a caller running its lone request inline. */
    private final Semaphore slot = new Semaphore(1);
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong texts = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong largestBatch = new AtomicLong();
    private boolean closed;
    /** Requests merged into the dispatcher's last run; above 1, traffic overlaps and callers queue instead. */
    private volatile int lastBatchRequests;

    public PredictionBatcher(String name, BatchRunner runner, int maxBatchSize, Duration maxWait) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("max batch size must be at least 1");
        }
        this.runner = runner;
        this.maxBatchSize = maxBatchSize;
        this.maxWaitNanos = Math.max(0, maxWait.toNanos());
        this.dispatcher = new Thread(this::dispatch, "predict-" + name);
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    /**
     * Runs the texts on this thread when they are a lone request (the future is then complete on return), else queues
     * them for the dispatcher; the future completes with their logits, in order. Fails once the batcher is closed.
     */
    public CompletableFuture<float[][]> submit(List<String> batchTexts) {
        return submit(batchTexts, true);
    }

    /**
     * Queues the texts for the dispatcher, never running them on this thread; the future completes on the dispatcher
     * with their logits, in order. Fails once the batcher is closed.
     */
    public CompletableFuture<float[][]> enqueue(List<String> batchTexts) {
        return submit(batchTexts, false);
    }

    private CompletableFuture<float[][]> submit(List<String> batchTexts, boolean mayRunHere) {
        CompletableFuture<float[][]> result = new CompletableFuture<>();
        Request request = new Request(List.copyOf(batchTexts), result);
        synchronized (this) {
            if (closed) {
                result.completeExceptionally(new IllegalStateException("The model was unloaded"));
                return result;
            }
            if (!mayRunHere || !queue.isEmpty() || lastBatchRequests > 1 || !slot.tryAcquire()) {
                queue.add(request);
                return result;
            }
        }
        Runnable answer;
        try {
            answer = run(List.of(request), request.texts().size());
        } finally {
            slot.release();
        }
        answer.run();
        return result;
    }

    public Stats stats() {
        return new Stats(runs.get(), texts.get(), requests.get(), largestBatch.get());
    }

    /** Stops taking requests, runs everything already queued, then returns. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            dispatcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch() {
        Request carry = null;
        boolean stop = false;
        while (!stop) {
            Request first;
            try {
                first = carry != null ? carry : queue.take();
            } catch (InterruptedException e) {
                // Only close() ends the dispatcher; an interrupt from elsewhere is ignored.
                continue;
            }
            carry = null;
            if (first == STOP) {
                break;
            }
            // Waits out a caller's inline run; what arrives meanwhile joins this batch.
            slot.acquireUninterruptibly();
            List<Request> batch = new ArrayList<>();
            batch.add(first);
            int count = first.texts().size();
            // Waiting only pays when requests overlap: queued already, or the last batch merged several.
            boolean overlapping = !queue.isEmpty() || lastBatchRequests > 1;
            long deadline = System.nanoTime() + maxWaitNanos;
            while (count < maxBatchSize) {
                Request next;
                try {
                    long remaining = deadline - System.nanoTime();
                    next = overlapping && remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : queue.poll();
                } catch (InterruptedException e) {
                    next = null;
                }
                if (next == null) {
                    break;
                }
                if (next == STOP) {
                    stop = true;
                    break;
                }
                if (count + next.texts().size() > maxBatchSize) {
                    carry = next;
                    break;
                }
                batch.add(next);
                count += next.texts().size();
            }
            lastBatchRequests = batch.size();
            Runnable answer;
            try {
                answer = run(batch, count);
            } finally {
                slot.release();
            }
            answer.run();
        }
    }

    /**
     * Runs the batch and returns what answers its requests, for the caller to call once the slot is free again: a
     * client that sends its next request as soon as it has an answer then finds the model idle, and runs inline.
     */
    private Runnable run(List<Request> batch, int count) {
        List<String> all = new ArrayList<>(count);
        for (Request request : batch) {
            all.addAll(request.texts());
        }
        try {
            float[][] logits = new float[count][];
            // Only a single request larger than the batch size needs more than one run.
            for (int from = 0; from < count; from += maxBatchSize) {
                int to = Math.min(count, from + maxBatchSize);
                float[][] part = runner.run(all.subList(from, to));
                System.arraycopy(part, 0, logits, from, to - from);
                runs.incrementAndGet();
                largestBatch.accumulateAndGet(to - from, Math::max);
            }
            texts.addAndGet(count);
            requests.addAndGet(batch.size());
            return () -> {
                int offset = 0;
                for (Request request : batch) {
                    int size = request.texts().size();
                    float[][] mine = new float[size][];
                    System.arraycopy(logits, offset, mine, 0, size);
                    offset += size;
                    request.result().complete(mine);
                }
            };
        } catch (Throwable e) {
            LOG.warnf(e, "A prediction batch of %d text(s) failed", count);
            return () -> batch.forEach(request -> request.result().completeExceptionally(e));
        }
    }
}
