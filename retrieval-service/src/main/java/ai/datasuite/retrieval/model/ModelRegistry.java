package ai.datasuite.retrieval.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.config.ModelsConfig;
import ai.datasuite.retrieval.dataset.DatasetSource;
import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.vectorindex.AtomicFiles;
import ai.datasuite.vectorindex.VectorStore;
import ai.datasuite.vectorindex.VectorStoreException;
import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;

/**
 * The model registry and the models' lifecycle: fits models through their {@link RetrievalModelType}, saves them in
 * their folders ({@link ModelFolders}) with their vectors in collection {@code model-<model_id>}, loads, unloads and
 * removes them, and keeps the loaded ones in memory for {@link ModelSearch} and {@link ModelEvaluation}.
 * <p>
 * Models are the team's shared resources: anyone may list, load, search, test and benchmark any model. A model
 * records who fitted it ({@code owner}); only they and admins may remove it. A fit needs a dataset the caller may see.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final Map<String, RetrievalModelType> types = new TreeMap<>();
    private final DatasetSource datasets;
    private final VectorStore store;
    private final ModelsConfig config;
    private final ModelFolders folders;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Set<String> fitting = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final LeftoverSweep leftovers;

    public ModelRegistry(@All List<RetrievalModelType> types, DatasetSource datasets, VectorStore store,
                         ModelsConfig config, ObjectMapper json) {
        for (RetrievalModelType type : types) {
            if (this.types.put(type.type(), type) != null) {
                throw new IllegalStateException("Two retrieval model types named " + type.type());
            }
        }
        this.datasets = datasets;
        this.store = store;
        this.config = config;
        this.folders = new ModelFolders(Path.of(config.dir()), json);
        // The fitting set is the guard: a fit claims its id under it, the sweep checks and removes under it.
        this.leftovers = new LeftoverSweep(folders, store, fitting, fitting::contains);
    }

    /**
     * At start-up, before the first request, removes what fits killed mid-run left (folders without
     * {@code model.json}, collections without a saved model). A Qdrant that does not answer delays this by its timeout
     * and the collections are swept next time.
     */
    void sweepLeftoversOnStart(@Observes StartupEvent event) {
        sweepLeftovers();
    }

    /** Removes the leftovers of unfinished fits now (what the start-up sweep does); failures are logged. */
    LeftoverSweep.Report sweepLeftovers() {
        try {
            return leftovers.sweep();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not remove the leftovers of unfinished fits");
            return new LeftoverSweep.Report(List.of(), List.of(), 0);
        }
    }

    /** A loaded model with its context texts (to answer with) and when and how fast it was loaded. */
    record Loaded(SavedModel meta, RetrievalModel model, List<String> contexts, Instant loadedAt, long loadMillis) {

        long memoryBytes() {
            long bytes = model.memoryBytes();
            for (String context : contexts) {
                bytes += 56 + context.length();
            }
            return bytes;
        }
    }

    public List<String> modelTypes() {
        return List.copyOf(types.keySet());
    }

    /** Fits and saves a model for {@code owner} (the caller); the dataset must be one the caller may see. */
    public FitResult fitSave(FitRequest request, String owner) {
        if (request == null) {
            throw ModelRequests.field("body", "A JSON body with dataset_id and model_type is required");
        }
        if (request.datasetId() == null || request.datasetId().isBlank()) {
            throw ModelRequests.field("dataset_id", "dataset_id is required");
        }
        RetrievalModelType type = type(request.modelType());
        Map<String, Object> params = type.validate(request.params() == null ? Map.of() : request.params());
        String id = request.modelId() != null ? checkId(request.modelId())
                : type.type() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = folders.dir(id);
        // Claimed before the folder is made, so a concurrent fit of the same id never takes it for a leftover, and
        // under the sweep's guard, so that the sweep never removes what this fit is about to make.
        synchronized (fitting) {
            if (!fitting.add(id)) {
                throw ProblemException.conflict("A model '" + id + "' is being fitted; choose another model_id");
            }
        }
        try {
            createFolder(id, dir);
        } catch (RuntimeException e) {
            fitting.remove(id);
            throw e;
        }
        RetrievalModelType.Storage storage = storage(id, dir);
        boolean saved = false;
        try {
            QaDataset dataset = datasets.get(request.datasetId());
            long start = System.nanoTime();
            RetrievalModel fitted;
            try {
                fitted = type.fit(dataset, params, storage);
            } catch (IllegalArgumentException e) {
                // The data and parameters leave nothing to index (only stop words, everything pruned): a bad request.
                throw ModelParams.problem("params", "Could not fit " + type.type() + " on dataset "
                        + dataset.id() + ": " + e.getMessage(), null);
            }
            long fitMillis = (System.nanoTime() - start) / 1_000_000;
            fitted.close();
            SavedModel meta = new SavedModel(id, type.type(), dataset.id(), params,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), fitMillis, dataset.contexts().size(), owner);
            folders.save(meta, dataset.contexts());
            saved = true;
            // Loading what was written proves the saved model is whole, and records its load time.
            Loaded model = load(meta, dataset.contexts());
            loaded.put(id, model);
            LOG.infof("Fitted %s model %s on %s (%d contexts) in %d ms", type.type(), id, dataset.id(),
                    dataset.contexts().size(), fitMillis);
            return new FitResult(id, type.type(), dataset.id(), params, fitMillis, ModelFolders.bytes(dir),
                    dataset.contexts().size(), store.count(storage.collection()), meta.createdAt(), owner);
        } finally {
            if (!saved) {
                discard(type, params, storage);
            }
            fitting.remove(id); // last: the sweep keeps off until the failed fit's own cleanup is done
        }
    }

    public LoadReport load(String modelId) {
        SavedModel meta = saved(modelId);
        synchronized (lock(modelId)) {
            Loaded current = loaded.get(modelId);
            if (current != null) {
                return new LoadReport(modelId, true, current.loadMillis(), current.memoryBytes());
            }
            Loaded model = load(meta, null);
            loaded.put(modelId, model);
            return new LoadReport(modelId, false, model.loadMillis(), model.memoryBytes());
        }
    }

    public UnloadReport unload(String modelId) {
        saved(modelId);
        synchronized (lock(modelId)) {
            Loaded model = loaded.remove(modelId);
            if (model == null) {
                return new UnloadReport(modelId, false, 0);
            }
            long bytes = model.memoryBytes();
            model.model().close();
            return new UnloadReport(modelId, true, bytes);
        }
    }

    public List<ModelView> list() {
        List<ModelView> views = new ArrayList<>();
        for (SavedModel meta : folders.saved()) {
            Loaded model = loaded.get(meta.modelId());
            views.add(new ModelView(meta.modelId(), meta.modelType(), meta.datasetId(), meta.params(),
                    meta.createdAt(), meta.fitMillis(), ModelFolders.bytes(folders.dir(meta.modelId())), meta.contexts(),
                    model != null, model == null ? null : model.memoryBytes(),
                    model == null ? null : model.loadedAt(), model == null ? null : model.loadMillis(),
                    meta.owner()));
        }
        return views;
    }

    /** Removes a model; 403 unless the caller fitted it or is an admin. */
    public RemoveReport remove(String modelId, Caller caller) {
        SavedModel meta = saved(modelId);
        if (!caller.canSee(meta.owner())) {
            throw new ProblemException(403, ProblemException.FORBIDDEN, "Forbidden", "Model '" + modelId + "' was"
                    + " fitted by " + (meta.owner() == null ? "nobody on record" : "'" + meta.owner() + "'")
                    + "; only its owner or an admin may remove it (anyone may use it).",
                    Map.of("model_id", modelId));
        }
        return removeAll(List.of(meta));
    }

    /**
     * Removes every saved model, then what unfinished fits left (their ids are in {@code removed} too); the resource
     * allows only admins.
     */
    public RemoveReport removeAll() {
        RemoveReport models = removeAll(folders.saved());
        LeftoverSweep.Report swept = leftovers.sweep();
        List<String> removed = new ArrayList<>(models.removed());
        removed.addAll(swept.folders());
        return new RemoveReport(removed, models.releasedBytes(), models.freedDiskBytes() + swept.freedBytes());
    }

    /** A loaded model and whether this call loaded it. */
    record Ready(Loaded model, boolean loadedNow) {
    }

    /** The loaded model, loading it when it is saved but not loaded and load-on-demand is on. */
    Ready ready(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw ModelRequests.field("model_id", "model_id is required");
        }
        // A loaded model was saved before it was put here and leaves before its folder goes: no need to read its
        // model.json again on every find_context.
        Loaded current = loaded.get(modelId);
        if (current != null) {
            return new Ready(current, false);
        }
        SavedModel meta = saved(modelId);
        if (!config.loadOnDemand()) {
            throw new ProblemException(409, "model-not-loaded", "Model not loaded", "Model '" + modelId
                    + "' is saved but not loaded; POST /api/v1/models/load_model first", Map.of("model_id", modelId));
        }
        synchronized (lock(modelId)) {
            current = loaded.get(modelId);
            if (current != null) {
                return new Ready(current, false);
            }
            Loaded model = load(meta, null);
            loaded.put(modelId, model);
            return new Ready(model, true);
        }
    }

    private Loaded load(SavedModel meta, List<String> contexts) {
        RetrievalModelType type = types.get(meta.modelType());
        if (type == null) {
            throw new ProblemException(500, ModelFolders.LOAD_FAILED, "Model could not be loaded", "Model '"
                    + meta.modelId() + "' has type " + meta.modelType() + ", which this service does not know", null);
        }
        Path dir = folders.dir(meta.modelId());
        long start = System.nanoTime();
        List<String> texts = contexts != null ? contexts : folders.contexts(meta.modelId());
        RetrievalModel model;
        try {
            model = type.load(type.validate(meta.params()), storage(meta.modelId(), dir));
        } catch (ProblemException | VectorStoreException e) {
            throw e; // already an answer in the user's terms (a 503 when the store does not answer)
        } catch (RuntimeException e) {
            // A missing or damaged file: the path and the failure are for the log, not for the caller.
            LOG.errorf(e, "Could not load model %s from %s", meta.modelId(), dir);
            throw ModelFolders.damaged(meta.modelId());
        }
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        return new Loaded(meta, model, List.copyOf(texts), Instant.now().truncatedTo(ChronoUnit.MILLIS), loadMillis);
    }

    private RemoveReport removeAll(List<SavedModel> models) {
        List<String> removed = new ArrayList<>();
        long released = 0;
        long freed = 0;
        for (SavedModel meta : models) {
            String id = meta.modelId();
            synchronized (lock(id)) {
                if (fitting.contains(id)) {
                    throw ProblemException.conflict("Model '" + id + "' is being fitted; remove it afterwards");
                }
                Loaded model = loaded.remove(id);
                if (model != null) {
                    released += model.memoryBytes();
                    model.model().close();
                }
                Path dir = folders.dir(id);
                freed += ModelFolders.bytes(dir);
                RetrievalModelType type = types.get(meta.modelType());
                if (type != null) {
                    type.delete(type.validate(meta.params()), storage(id, dir));
                } else {
                    store.dropCollection(collection(id));
                }
                AtomicFiles.deleteRecursively(dir);
                removed.add(id);
            }
        }
        return new RemoveReport(removed, released, freed);
    }

    /**
     * Creates the model's folder; 409 when a saved model has it. A folder without model.json was left by a fit that
     * died before saving (nothing refers to it): it is reclaimed with its collections, whatever type it was.
     */
    private void createFolder(String id, Path dir) {
        try {
            Files.createDirectories(folders.root());
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (Files.exists(dir.resolve(ModelFolders.META))) {
                throw ProblemException.conflict("A model '" + id + "' exists already; remove it first or choose"
                        + " another model_id");
            }
            LOG.warnf("Reclaiming %s, left by a fit of '%s' that did not finish", dir, id);
            RetrievalModelType.Storage storage = storage(id, dir);
            for (RetrievalModelType.Storage s : List.of(storage, storage.child(HybridModelType.SPARSE),
                    storage.child(HybridModelType.DENSE))) {
                store.dropCollection(s.collection());
            }
            AtomicFiles.deleteRecursively(dir);
            createFolder(id, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void discard(RetrievalModelType type, Map<String, Object> params, RetrievalModelType.Storage storage) {
        try {
            type.delete(params, storage);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not drop the vectors of the failed fit in %s", storage.collection());
        }
        AtomicFiles.deleteRecursively(storage.dir());
    }

    private RetrievalModelType type(String name) {
        if (name == null || name.isBlank()) {
            throw ModelRequests.field("model_type", "model_type is required; one of "
                    + String.join(", ", types.keySet()), List.copyOf(types.keySet()));
        }
        RetrievalModelType type = types.get(RetrievalModelType.canonical(name));
        if (type == null) {
            throw ModelRequests.field("model_type", "Unknown model_type '" + name + "'; one of "
                    + String.join(", ", types.keySet()), List.copyOf(types.keySet()));
        }
        return type;
    }

    private SavedModel saved(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw ModelRequests.field("model_id", "model_id is required");
        }
        return folders.find(modelId).orElseThrow(() -> ProblemException.notFound("No model '" + shown(modelId)
                + "'; GET /api/v1/models/list_model lists the saved models"));
    }

    private static String checkId(String id) {
        if (!ModelFolders.MODEL_ID.matcher(id).matches()) {
            throw ModelRequests.field("model_id", "model_id must match [A-Za-z0-9_-]{1,64} (got '" + shown(id) + "')",
                    null);
        }
        return id;
    }

    /** An id as an answer may show it: never more than 80 characters of what the caller sent. */
    private static String shown(String id) {
        return id.length() > 80 ? id.substring(0, 80) + "..." : id;
    }

    private RetrievalModelType.Storage storage(String id, Path dir) {
        return new RetrievalModelType.Storage(dir, collection(id), store);
    }

    static String collection(String modelId) {
        return "model-" + modelId;
    }

    private Object lock(String modelId) {
        return locks.computeIfAbsent(modelId, k -> new Object());
    }
}
