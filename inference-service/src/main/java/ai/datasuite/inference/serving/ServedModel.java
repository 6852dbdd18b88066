package ai.datasuite.inference.serving;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded version with its batcher. Counted references: the registry holds one while it serves this version, each
 * prediction ({@link ModelLease}) one while it runs; the session closes when the count reaches zero.
 */
final class ServedModel {

    final HfTextClassificationModel model;
    final PredictionBatcher batcher;
    final long memoryBytes;
    final Instant loadedAt = Instant.now();
    private final AtomicInteger refs = new AtomicInteger(1);
    private final AtomicBoolean retired = new AtomicBoolean();
    final CompletableFuture<Void> closed = new CompletableFuture<>();

    ServedModel(HfTextClassificationModel model, PredictionBatcher batcher, long memoryBytes) {
        this.model = model;
        this.batcher = batcher;
        this.memoryBytes = memoryBytes;
    }

    boolean tryAcquire() {
        while (true) {
            int current = refs.get();
            if (current == 0) {
                return false;
            }
            if (refs.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (refs.decrementAndGet() == 0) {
            try {
                batcher.close();
                model.close();
                closed.complete(null);
            } catch (RuntimeException e) {
                closed.completeExceptionally(e);
            }
        }
    }

    /** Drops the registry's reference (once). */
    void retire() {
        if (retired.compareAndSet(false, true)) {
            release();
        }
    }
}
