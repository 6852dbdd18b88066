package ai.datasuite.retrieval.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.config.ModelsConfig;
import ai.datasuite.retrieval.dataset.DatasetSource;
import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.retrieval.dataset.QaRow;
import ai.datasuite.vectorindex.AtomicFiles;
import ai.datasuite.vectorindex.VectorStore;
import io.quarkus.arc.All;

/**
 * The model registry: fits models through their {@link RetrievalModelType}, saves them under
 * {@code <retrieval.models.dir>/<model_id>/} ({@code model.json}, {@code contexts.json} and the type's files) with
 * their vectors in collection {@code model-<model_id>}, keeps loaded ones in memory, and runs searches, quality tests
 * and benchmarks. The folders are the source of truth: a model is saved once its {@code model.json} exists.
 */
@ApplicationScoped
public class ModelService {

    private static final Logger LOG = Logger.getLogger(ModelService.class);
    static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String META = "model.json";
    static final String CONTEXTS = "contexts.json";
    private static final int QUALITY_K = 10;

    private final Map<String, RetrievalModelType> types = new TreeMap<>();
    private final DatasetSource datasets;
    private final VectorStore store;
    private final ModelsConfig config;
    private final ObjectMapper json;
    private final Path root;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Set<String> fitting = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public ModelService(@All List<RetrievalModelType> types, DatasetSource datasets, VectorStore store,
                        ModelsConfig config, ObjectMapper json) {
        for (RetrievalModelType type : types) {
            if (this.types.put(type.type(), type) != null) {
                throw new IllegalStateException("Two retrieval model types named " + type.type());
            }
        }
        this.datasets = datasets;
        this.store = store;
        this.config = config;
        this.json = json;
        this.root = Path.of(config.dir());
    }

    /** What a saved model's {@code model.json} holds. */
    record SavedModel(String modelId, String modelType, String datasetId, Map<String, Object> params,
                      Instant createdAt, long fitMillis, int contexts) {
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

    public FitResult fitSave(FitRequest request) {
        if (request == null) {
            throw field("body", "A JSON body with dataset_id and model_type is required");
        }
        if (request.datasetId() == null || request.datasetId().isBlank()) {
            throw field("dataset_id", "dataset_id is required");
        }
        RetrievalModelType type = type(request.modelType());
        Map<String, Object> params = type.validate(request.params() == null ? Map.of() : request.params());
        String id = request.modelId() != null ? checkId(request.modelId())
                : type.type() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = root.resolve(id);
        // Claimed before the folder is made, so a concurrent fit of the same id never takes it for a leftover.
        if (!fitting.add(id)) {
            throw ProblemException.conflict("A model '" + id + "' is being fitted; choose another model_id");
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
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), fitMillis, dataset.contexts().size());
            writeJson(dir.resolve(CONTEXTS), dataset.contexts());
            writeJson(dir.resolve(META), meta);
            saved = true;
            // Loading what was written proves the saved model is whole, and records its load time.
            Loaded model = load(meta, dataset.contexts());
            loaded.put(id, model);
            LOG.infof("Fitted %s model %s on %s (%d contexts) in %d ms", type.type(), id, dataset.id(),
                    dataset.contexts().size(), fitMillis);
            return new FitResult(id, type.type(), dataset.id(), params, fitMillis, folderBytes(dir),
                    dataset.contexts().size(), store.count(storage.collection()), meta.createdAt());
        } finally {
            fitting.remove(id);
            if (!saved) {
                discard(type, params, storage);
            }
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
        for (SavedModel meta : savedModels()) {
            Loaded model = loaded.get(meta.modelId());
            views.add(new ModelView(meta.modelId(), meta.modelType(), meta.datasetId(), meta.params(),
                    meta.createdAt(), meta.fitMillis(), folderBytes(root.resolve(meta.modelId())), meta.contexts(),
                    model != null, model == null ? null : model.memoryBytes(),
                    model == null ? null : model.loadedAt(), model == null ? null : model.loadMillis()));
        }
        return views;
    }

    public RemoveReport remove(String modelId) {
        SavedModel meta = saved(modelId);
        return removeAll(List.of(meta));
    }

    /** Removes every saved model; the caller has checked the admin key. */
    public RemoveReport removeAll() {
        return removeAll(savedModels());
    }

    public FindContextResponse findContext(FindContextRequest request) {
        if (request == null) {
            throw field("body", "A JSON body with model_id and question is required");
        }
        if (request.question() == null || request.question().isBlank()) {
            throw field("question", "question must not be blank");
        }
        int topK = request.topK() == null ? config.defaultTopK() : request.topK();
        if (topK < 1 || topK > config.maxTopK()) {
            throw field("top_k", "top_k must be from 1 to " + config.maxTopK() + " (got " + topK + ")");
        }
        Loaded model = ready(request.modelId()).model;
        long start = System.nanoTime();
        List<RetrievalModel.Hit> hits = model.model().search(request.question(), topK);
        List<FindContextResponse.ContextHit> results = new ArrayList<>();
        for (RetrievalModel.Hit hit : hits) {
            results.add(new FindContextResponse.ContextHit(hit.contextId(), model.contexts().get(hit.contextId()),
                    hit.score()));
        }
        double tookMs = (System.nanoTime() - start) / 1e6;
        return new FindContextResponse(model.meta().modelId(), request.question(), topK, results, tookMs);
    }

    public QualityReport qualityTest(QualityTestRequest request) {
        if (request == null) {
            throw field("body", "A JSON body with model_id is required");
        }
        if (request.sample() != null && request.sample() < 1) {
            throw field("sample", "sample must be at least 1 (got " + request.sample() + ")");
        }
        if (request.datasetId() != null && request.datasetId().isBlank()) {
            throw field("dataset_id", "dataset_id must not be blank when given");
        }
        Loaded model = ready(request.modelId()).model;
        QaDataset dataset = datasets.get(request.datasetId() == null ? model.meta().datasetId()
                : request.datasetId());
        long start = System.nanoTime();
        List<QaRow> rows = dataset.rows();
        boolean sampled = request.sample() != null && request.sample() < rows.size();
        if (sampled) {
            List<QaRow> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, new Random(config.quality().seed()));
            rows = shuffled.subList(0, request.sample());
        }
        Map<String, Integer> contextIds = new HashMap<>();
        for (int i = 0; i < model.contexts().size(); i++) {
            contextIds.putIfAbsent(model.contexts().get(i), i);
        }
        Metrics metrics = new Metrics();
        for (QaRow row : rows) {
            Integer relevant = contextIds.get(row.context());
            if (relevant == null) {
                metrics.unindexed++;
                metrics.add(0);
                continue;
            }
            List<RetrievalModel.Hit> hits = model.model().search(row.question(), QUALITY_K);
            int rank = 0;
            for (int i = 0; i < hits.size(); i++) {
                if (hits.get(i).contextId() == relevant) {
                    rank = i + 1;
                    break;
                }
            }
            metrics.add(rank);
        }
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        int n = rows.size();
        return new QualityReport(model.meta().modelId(), dataset.id(), n, request.sample(),
                sampled ? config.quality().seed() : null, metrics.mean(metrics.at1, n), metrics.mean(metrics.at1, n),
                metrics.mean(metrics.at5, n), metrics.mean(metrics.at10, n), metrics.mrr / Math.max(1, n),
                metrics.ndcg / Math.max(1, n), metrics.unindexed, tookMillis);
    }

    public BenchmarkReport benchmark(BenchmarkRequest request) {
        if (request == null) {
            throw field("body", "A JSON body with model_id is required");
        }
        int n = request.n() == null ? config.benchmark().defaultN() : request.n();
        if (n < 1 || n > config.benchmark().maxN()) {
            throw field("n", "n must be from 1 to " + config.benchmark().maxN() + " (got " + n + ")");
        }
        Ready ready = ready(request.modelId());
        Loaded model = ready.model;
        List<QaRow> rows = datasets.get(model.meta().datasetId()).rows();
        Random random = new Random(config.benchmark().seed());
        int topK = config.benchmark().topK();
        for (int i = 0; i < config.benchmark().warmup(); i++) {
            model.model().search(rows.get(random.nextInt(rows.size())).question(), topK);
        }
        double[] millis = new double[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String question = rows.get(random.nextInt(rows.size())).question();
            long t = System.nanoTime();
            model.model().search(question, topK);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(millis);
        return new BenchmarkReport(model.meta().modelId(), n, topK, Arrays.stream(millis).average().orElse(0),
                percentile(millis, 0.50), percentile(millis, 0.95), percentile(millis, 0.99), millis[n - 1],
                n / totalSeconds, model.loadMillis(), ready.loadedNow);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Binary-relevance metrics with one relevant context per question; {@code rank} 0 means not in the top 10. */
    private static final class Metrics {
        int at1;
        int at5;
        int at10;
        double mrr;
        double ndcg;
        int unindexed;

        void add(int rank) {
            if (rank == 0) {
                return;
            }
            at1 += rank <= 1 ? 1 : 0;
            at5 += rank <= 5 ? 1 : 0;
            at10 += rank <= 10 ? 1 : 0;
            mrr += 1.0 / rank;
            // DCG of one relevant document at this rank; the ideal DCG is 1 (it at rank 1).
            ndcg += 1.0 / (Math.log(rank + 1) / Math.log(2));
        }

        double mean(int count, int n) {
            return n == 0 ? 0 : (double) count / n;
        }
    }

    private record Ready(Loaded model, boolean loadedNow) {
    }

    /** The loaded model, loading it when it is saved but not loaded and load-on-demand is on. */
    private Ready ready(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw field("model_id", "model_id is required");
        }
        SavedModel meta = saved(modelId);
        Loaded current = loaded.get(modelId);
        if (current != null) {
            return new Ready(current, false);
        }
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
            throw new ProblemException(500, "model-load-failed", "Model could not be loaded", "Model '"
                    + meta.modelId() + "' has type " + meta.modelType() + ", which this service does not know", null);
        }
        Path dir = root.resolve(meta.modelId());
        long start = System.nanoTime();
        List<String> texts = contexts != null ? contexts
                : readJson(dir.resolve(CONTEXTS), new TypeReference<List<String>>() { });
        RetrievalModel model = type.load(type.validate(meta.params()), storage(meta.modelId(), dir));
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
                Path dir = root.resolve(id);
                freed += folderBytes(dir);
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
            Files.createDirectories(root);
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (Files.exists(dir.resolve(META))) {
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
            throw field("model_type", "model_type is required; one of " + String.join(", ", types.keySet()),
                    List.copyOf(types.keySet()));
        }
        RetrievalModelType type = types.get(name);
        if (type == null) {
            throw field("model_type", "Unknown model_type '" + name + "'; one of " + String.join(", ", types.keySet()),
                    List.copyOf(types.keySet()));
        }
        return type;
    }

    private SavedModel saved(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw field("model_id", "model_id is required");
        }
        return find(modelId).orElseThrow(() -> ProblemException.notFound("No model '" + modelId
                + "'; GET /api/v1/models/list_model lists the saved models"));
    }

    Optional<SavedModel> find(String modelId) {
        if (!MODEL_ID.matcher(modelId).matches()) {
            return Optional.empty();
        }
        Path meta = root.resolve(modelId).resolve(META);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        return Optional.of(readJson(meta, new TypeReference<SavedModel>() { }));
    }

    private List<SavedModel> savedModels() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(d -> d.getFileName().toString()).sorted().map(this::find)
                    .flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checkId(String id) {
        if (!MODEL_ID.matcher(id).matches()) {
            throw field("model_id", "model_id must match [A-Za-z0-9_-]{1,64} (got '"
                    + (id.length() > 80 ? id.substring(0, 80) + "..." : id) + "')", null);
        }
        return id;
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

    private static ProblemException field(String name, String detail) {
        return field(name, detail, null);
    }

    private static ProblemException field(String name, String detail, Object allowed) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("field", name);
        if (allowed != null) {
            extensions.put("allowed", allowed);
        }
        return ProblemException.validation(detail, extensions);
    }

    private void writeJson(Path file, Object value) {
        try {
            AtomicFiles.write(file, json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private <T> T readJson(Path file, TypeReference<T> type) {
        try {
            return json.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    static long folderBytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

}
