package ai.datasuite.inference.serving;

import java.util.concurrent.atomic.AtomicBoolean;

/** A loaded model held for the length of one prediction; closing it lets an unload or promotion finish. */
final class ModelLease implements AutoCloseable {

    private final ServedModel served;
    private final AtomicBoolean open = new AtomicBoolean(true);

    ModelLease(ServedModel served) {
        this.served = served;
    }

    public HfTextClassificationModel model() {
        return served.model;
    }

    public PredictionBatcher batcher() {
        return served.batcher;
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            served.release();
        }
    }
}
