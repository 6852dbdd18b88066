package ai.datasuite.inference.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import ai.datasuite.inference.config.ServingConfig;
import ai.datasuite.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;

/**
 * The models the service knows: from every {@link ModelSource} bean and from {@code inference.serving.models.*}
 * (config wins for an id both provide). Registers, loads and unloads them, and swaps versions ({@link #promote})
 * without dropping a prediction: the new version is loaded first, and the old one is closed when its last prediction
 * ends. Each id's state, its leases and the swap itself are {@link RegisteredModel}'s; a loaded version with its
 * reference count is a {@link ServedModel}; memory figures come from {@link ProcessMemory}.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final ServingConfig config;
    private final Instance<ModelSource> sources;
    private final Map<String, RegisteredModel> entries = new ConcurrentSkipListMap<>();
    private final CompletableFuture<Void> registered = new CompletableFuture<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    public ModelRegistry(ServingConfig config, Instance<ModelSource> sources) {
        this.config = config;
        this.sources = sources;
    }

    void onStart(@Observes StartupEvent event) {
        // Sources may do file work and loads take seconds: neither holds up the HTTP server; readiness tells.
        Thread thread = new Thread(this::registerAndLoad, "model-startup");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerAndLoad() {
        List<CompletableFuture<ServedModel>> startLoads = new ArrayList<>();
        List<RegisteredModel> toLoad = new ArrayList<>();
        try {
            for (ModelSource source : sources) {
                try {
                    for (ModelFolder folder : source.models()) {
                        register(folder, source.getClass().getSimpleName().replaceAll("_.*$", ""));
                    }
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Model source %s failed; its models are not served", source.getClass().getName());
                }
            }
            config.models().forEach((id, model) ->
                    register(new ModelFolder(id, model.version(), Path.of(model.path())), "config"));
            List<String> wanted = config.loadAtStart();
            boolean all = wanted.contains("all");
            for (String id : wanted) {
                if (!all && !id.equals("none") && !entries.containsKey(id)) {
                    LOG.warnf("inference.serving.load-at-start names '%s', which no source or config registers", id);
                }
            }
            for (RegisteredModel entry : entries.values()) {
                if ((all || wanted.contains(entry.id)) && !wanted.contains("none")) {
                    // Marked as loading before registration completes, so early predictions wait instead of 409.
                    synchronized (entry) {
                        entry.loading = new CompletableFuture<>();
                        startLoads.add(entry.loading);
                        toLoad.add(entry);
                    }
                }
            }
        } finally {
            registered.complete(null);
        }
        for (RegisteredModel entry : toLoad) {
            try {
                loadNow(entry, entry.loading);
            } catch (RuntimeException e) {
                LOG.errorf("Model %s did not load at startup: %s", entry.id, e.getMessage());
            }
        }
        CompletableFuture.allOf(startLoads.toArray(CompletableFuture[]::new))
                .whenComplete((ok, failure) -> started.complete(null));
    }

    private void register(ModelFolder folder, String source) {
        RegisteredModel entry = entries.computeIfAbsent(folder.id(), RegisteredModel::new);
        synchronized (entry) {
            entry.folder = folder;
            entry.source = source;
            try {
                entry.descriptor = HfTextClassificationModel.describe(folder.folder());
                entry.error = null;
            } catch (IOException | RuntimeException e) {
                entry.descriptor = null;
                entry.error = reason(e);
                LOG.errorf(e, "Model %s (%s) cannot be served", folder.id(), folder.folder());
            }
        }
        LOG.infof("Registered model %s version %s from %s (%s)", folder.id(), folder.version(), source,
                folder.folder());
    }

    /** Completes once every model that loads at startup has loaded or failed. */
    public CompletableFuture<Void> startup() {
        return started;
    }

    /** Ids of the models that load at startup and are not loaded (yet, or because they failed), with why. */
    public Map<String, String> notReady() {
        Map<String, String> missing = new TreeMap<>();
        if (!registered.isDone()) {
            missing.put("*", "registering models");
            return missing;
        }
        List<String> wanted = config.loadAtStart();
        for (RegisteredModel entry : entries.values()) {
            boolean atStart = !wanted.contains("none") && (wanted.contains("all") || wanted.contains(entry.id));
            if (atStart && entry.served == null) {
                missing.put(entry.id, entry.loading != null ? "loading" : entry.error != null ? entry.error
                        : "not loaded");
            }
        }
        return missing;
    }

    public String defaultModel() {
        return config.defaultModel();
    }

    public List<ModelView> list() {
        awaitRegistration();
        return entries.values().stream().map(RegisteredModel::view).toList();
    }

    public Optional<ModelView> find(String id) {
        awaitRegistration();
        return Optional.ofNullable(entries.get(id)).map(RegisteredModel::view);
    }

    /** Loads {@code id} if it is not loaded; waits for a load already under way. */
    public LoadReport load(String id) {
        RegisteredModel entry = entry(id);
        CompletableFuture<ServedModel> mine = null;
        CompletableFuture<ServedModel> theirs;
        synchronized (entry) {
            if (entry.served != null) {
                ServedModel served = entry.served;
                long rss = ProcessMemory.rssBytes();
                return new LoadReport(id, served.model.version(), true, served.memoryBytes,
                        served.model.fileBytes(), rss, rss, 0, entry.view());
            }
            theirs = entry.loading;
            if (theirs == null) {
                mine = new CompletableFuture<>();
                entry.loading = mine;
            }
        }
        if (mine == null) {
            ServedModel served = RegisteredModel.await(theirs, id);
            long rss = ProcessMemory.rssBytes();
            return new LoadReport(id, served.model.version(), true, served.memoryBytes, served.model.fileBytes(),
                    rss, rss, 0, entry.view());
        }
        long before = ProcessMemory.rssBytes();
        long start = System.nanoTime();
        ServedModel served = loadNow(entry, mine);
        long after = ProcessMemory.rssBytes();
        return new LoadReport(id, served.model.version(), false, served.memoryBytes, served.model.fileBytes(),
                before, after, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), entry.view());
    }

    /** Loads the entry's folder and completes {@code future}; the entry serves it when this returns. */
    private ServedModel loadNow(RegisteredModel entry, CompletableFuture<ServedModel> future) {
        ModelFolder folder;
        synchronized (entry) {
            folder = entry.folder;
        }
        try {
            ServedModel served = open(folder);
            ServedModel current;
            synchronized (entry) {
                entry.loading = null;
                current = entry.served;
                if (current == null && entry.folder == folder) {
                    entry.serve(served);
                }
            }
            if (current != null || entry.folder != folder) {
                // A promotion swapped in a newer version while this load ran: that one is served, ours is dropped.
                served.retire();
                if (current == null) {
                    throw ProblemException.conflict("Model '" + folder.id() + "' was promoted to another version while"
                            + " it loaded; POST /api/v1/classifiers/" + folder.id() + "/load again");
                }
                future.complete(current);
                return current;
            }
            future.complete(served);
            return served;
        } catch (RuntimeException e) {
            synchronized (entry) {
                entry.loading = null;
                entry.error = e instanceof ProblemException problem ? problem.detail() : reason(e);
            }
            future.completeExceptionally(e);
            throw e;
        }
    }

    /** Opens a folder as a served model, measuring what the process RSS grew by. */
    private ServedModel open(ModelFolder folder) {
        long before = ProcessMemory.rssBytes();
        HfTextClassificationModel model;
        try {
            model = HfTextClassificationModel.load(folder, new HfTextClassificationModel.SessionSettings(
                    config.onnx().intraOpThreads().orElse(Runtime.getRuntime().availableProcessors()),
                    config.onnx().interOpThreads()));
        } catch (Exception e) {
            LOG.errorf(e, "Loading model %s from %s failed", folder.id(), folder.folder());
            throw new ProblemException(500, "model-load-failed", "Model could not be loaded",
                    "Model '" + folder.id() + "' version " + folder.version() + " could not be loaded: " + reason(e),
                    Map.of("model", folder.id()));
        }
        PredictionBatcher batcher = new PredictionBatcher(folder.id() + "-" + folder.version(), model::logits,
                config.batching().maxBatchSize(), config.batching().maxWait());
        long memory = Math.max(0, ProcessMemory.rssBytes() - before);
        LOG.infof("Loaded model %s version %s: inputs %s, max length %d, RSS +%d bytes", folder.id(),
                folder.version(), model.inputNames(), model.maxLength(), memory);
        return new ServedModel(model, batcher, memory);
    }

    /**
     * Why a model cannot be served, for API answers and readiness: a format problem as the folder check says it (file
     * names, no paths); anything else (ONNX Runtime, tokenizer, I/O) only in general terms, its text goes to the log.
     */
    static String reason(Exception e) {
        if (e instanceof ModelFormatException format) {
            return format.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
            return "its files cannot be read (missing or not readable by the service)";
        }
        return "its files are not a usable ONNX text-classification model (the service log has the details)";
    }

    /** Stops serving {@code id}: waits for its running predictions, closes session and tokenizer, measures. */
    public UnloadReport unload(String id) {
        RegisteredModel entry = entry(id);
        CompletableFuture<ServedModel> loading;
        synchronized (entry) {
            loading = entry.loading;
        }
        if (loading != null) {
            // Unloading while a load runs: let the load finish, then unload what it produced.
            RegisteredModel.awaitQuietly(loading);
        }
        ServedModel served;
        synchronized (entry) {
            served = entry.served;
            entry.served = null;
        }
        long fileBytes = entry.descriptor == null ? 0 : entry.descriptor.fileBytes();
        if (served == null) {
            long rss = ProcessMemory.rssBytes();
            return new UnloadReport(id, entry.folder.version(), false, false, 0, null, fileBytes, rss, rss);
        }
        long before = ProcessMemory.rssBytes();
        served.retire();
        RegisteredModel.await(served.closed, id);
        long after = ProcessMemory.rssBytes();
        long released = Math.max(0, before - after);
        synchronized (entry) {
            entry.lastReleasedBytes = released;
        }
        LOG.infof("Unloaded model %s version %s: RSS -%d bytes", id, served.model.version(), released);
        return new UnloadReport(id, served.model.version(), true, served.closed.isDone(), released,
                served.memoryBytes, served.model.fileBytes(), before, after);
    }

    /**
     * Serves {@code folder} as the new version of its id: loads it, swaps it in atomically, then closes the old
     * version once its running predictions are done. Registers the id when it is new.
     */
    public ModelView promote(ModelFolder folder) {
        awaitRegistration();
        ServedModel fresh = open(folder);
        RegisteredModel entry = entries.computeIfAbsent(folder.id(), RegisteredModel::new);
        ServedModel old = entry.promote(folder, fresh);
        if (old != null) {
            old.retire();
        }
        LOG.infof("Promoted model %s to version %s (was %s)", folder.id(), folder.version(),
                old == null ? "not loaded" : old.model.version());
        return entry.view();
    }

    /**
     * Holds the served version of {@code id} for one prediction: 404 for an unknown id, 409 when not loaded. Waits
     * for a load under way (at startup, for instance) rather than refusing.
     */
    ModelLease acquire(String id) {
        return entry(id).lease();
    }

    /**
     * As {@link #acquire}, but null where that would wait: while the models are being registered at start-up, or while
     * this one is being loaded.
     */
    ModelLease acquireWithoutWaiting(String id) {
        return registered.isDone() ? entry(id).leaseWithoutWaiting() : null;
    }

    @PreDestroy
    void shutdown() {
        for (RegisteredModel entry : entries.values()) {
            ServedModel served;
            synchronized (entry) {
                served = entry.served;
                entry.served = null;
            }
            if (served != null) {
                served.retire();
            }
        }
    }

    private RegisteredModel entry(String id) {
        awaitRegistration();
        RegisteredModel entry = id == null ? null : entries.get(id);
        if (entry == null) {
            throw ProblemException.notFound("No model '" + id + "'; GET /api/v1/classifiers lists the models");
        }
        return entry;
    }

    private void awaitRegistration() {
        try {
            registered.get(RegisteredModel.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while models were being registered", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Models were not registered in time", e);
        }
    }
}
