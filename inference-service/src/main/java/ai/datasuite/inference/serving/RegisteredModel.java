package ai.datasuite.inference.serving;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import ai.datasuite.problem.ProblemException;

/**
 * One registered model id: its folder, where it came from, what the folder says, and the version being served (if
 * any). Fields are guarded by this object's monitor; {@link #served} and {@link #loading} are also read without it.
 * <p>
 * Leases and promotion: a prediction {@linkplain #lease() leases} the version it starts on and keeps it to the end;
 * a promotion swaps the next version in at once, and the old one closes when its last lease is returned.
 */
final class RegisteredModel {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);
    static final long WAIT_SECONDS = 300;

    final String id;
    ModelFolder folder;
    String source;
    HfTextClassificationModel.Descriptor descriptor;
    volatile ServedModel served;
    volatile CompletableFuture<ServedModel> loading;
    String error;
    List<String> lastInputNames;
    String lastOutputName;
    Long lastReleasedBytes;

    RegisteredModel(String id) {
        this.id = id;
    }

    /** Serves {@code version} from now on; the caller holds the monitor. */
    void serve(ServedModel version) {
        served = version;
        error = null;
        lastInputNames = version.model.inputNames();
        lastOutputName = version.model.outputName();
    }

    /**
     * Holds the served version for one prediction: 409 when none is loaded. Waits for a load under way (at startup,
     * for instance) rather than refusing.
     */
    ModelLease lease() {
        return lease(true);
    }

    /** As {@link #lease()}, but null instead of waiting for a load under way: for a caller that must not block. */
    ModelLease leaseWithoutWaiting() {
        return lease(false);
    }

    private ModelLease lease(boolean wait) {
        while (true) {
            ServedModel current = served;
            if (current == null) {
                CompletableFuture<ServedModel> pending = loading;
                if (pending != null) {
                    if (!wait) {
                        return null;
                    }
                    awaitQuietly(pending);
                    if (served != null) {
                        continue;
                    }
                }
                throw new ProblemException(409, ProblemException.CONFLICT, "Model not loaded",
                        "Model '" + id + "' is not loaded; POST /api/v1/classifiers/" + id + "/load to load it",
                        Map.of("model", id));
            }
            if (current.tryAcquire()) {
                return new ModelLease(current);
            }
            // Retired between the read and the acquire: the entry already points at its successor (or nothing).
        }
    }

    /**
     * Makes {@code fresh} (loaded from {@code next}) the served version at once and returns the one it replaces, which
     * the caller retires: it closes when its running predictions are done.
     */
    synchronized ServedModel promote(ModelFolder next, ServedModel fresh) {
        ServedModel old = served;
        folder = next;
        source = source == null ? "promoted" : source;
        try {
            descriptor = HfTextClassificationModel.describe(next.folder());
        } catch (IOException e) {
            // The folder just loaded, so it can be described; keep the old descriptor if not.
            LOG.warnf("Could not describe promoted model %s: %s", next.id(), e.getMessage());
        }
        serve(fresh);
        return old;
    }

    synchronized ModelView view() {
        ServedModel current = served;
        String state = current != null ? "loaded" : loading != null ? "loading" : error != null ? "failed" : "unloaded";
        ModelView.MemoryView memory = new ModelView.MemoryView(descriptor == null ? 0 : descriptor.fileBytes(),
                current == null ? null : current.memoryBytes, lastReleasedBytes, ProcessMemory.rssBytes());
        ModelView.BatchingView batching = null;
        if (current != null) {
            PredictionBatcher.Stats stats = current.batcher.stats();
            batching = new ModelView.BatchingView(stats.runs(), stats.texts(), stats.requests(), stats.largestBatch());
        }
        return new ModelView(id, folder.version(), source, state, current != null,
                descriptor == null ? null : descriptor.labels(),
                current != null ? current.model.inputNames() : lastInputNames,
                current != null ? current.model.outputName() : lastOutputName,
                descriptor == null ? null : descriptor.maxLength(), memory, batching,
                current == null ? null : current.loadedAt, error);
    }

    /** The outcome of a load or a close, waiting at most {@link #WAIT_SECONDS}; a failure is rethrown. */
    static <T> T await(CompletableFuture<T> future, String id) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for model " + id, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Model " + id + " did not finish in " + WAIT_SECONDS + " s", e);
        }
    }

    /** Waits for a load to end however it ends; the caller looks at the entry's state afterwards. */
    static void awaitQuietly(CompletableFuture<?> future) {
        try {
            future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The caller looks at the entry's state afterwards.
        }
    }
}
