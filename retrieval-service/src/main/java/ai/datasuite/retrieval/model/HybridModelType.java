package ai.datasuite.retrieval.model;

import java.nio.file.Files;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.dataset.QaDataset;

/**
 * {@code hybrid}: a sparse model ({@code bm25} or {@code tfidf}) and an {@code embedding} model fitted side by side
 * (child storages {@code sparse} and {@code dense}), their candidates fused by a weighted sum of normalised scores
 * or by reciprocal rank fusion ({@link ScoreFusion}).
 */
@ApplicationScoped
class HybridModelType implements RetrievalModelType {

    public static final String TYPE = "hybrid";
    static final List<String> PARAMS = List.of("sparse_type", "sparse_params", "dense_params", "method",
            "normalization", "weight", "rrf_k", "candidates");
    static final List<String> METHODS = List.of("weighted", "rrf");
    static final List<String> NORMALIZATIONS = List.of("zscore", "minmax");
    static final String SPARSE = "sparse";
    static final String DENSE = "dense";

    /** Defaults tuned on the shared SQuAD data (see the README's Quality section). */
    static final double DEFAULT_WEIGHT = 0.7;
    static final Map<String, Object> DEFAULT_SPARSE_PARAMS = Map.of("stop_words", "english");

    private final Map<String, RetrievalModelType> sparseTypes;
    private final EmbeddingModelType embedding;

    public HybridModelType(Bm25ModelType bm25, TfidfModelType tfidf, EmbeddingModelType embedding) {
        this.sparseTypes = Map.of(bm25.type(), bm25, tfidf.type(), tfidf);
        this.embedding = embedding;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> params) {
        if (params.get("sparse_type") instanceof String given && !given.equals(RetrievalModelType.canonical(given))) {
            params = new LinkedHashMap<>(params);
            params.put("sparse_type", RetrievalModelType.canonical(given));
        }
        ModelParams p = ModelParams.of(TYPE, params, PARAMS);
        String sparseType = p.choice("sparse_type", Bm25ModelType.TYPE,
                List.of(Bm25ModelType.TYPE, TfidfModelType.TYPE));
        p.put("sparse_params", nested(p, "sparse_params", sparseTypes.get(sparseType),
                sparseType.equals(Bm25ModelType.TYPE) ? DEFAULT_SPARSE_PARAMS : Map.of()));
        p.put("dense_params", nested(p, "dense_params", embedding, Map.of()));
        p.choice("method", "weighted", METHODS);
        p.choice("normalization", "zscore", NORMALIZATIONS);
        p.number("weight", DEFAULT_WEIGHT, 0.0, 1.0);
        p.integer("rrf_k", 60, 1, 100_000);
        p.integer("candidates", 100, 1, 10_000);
        return p.result();
    }

    /** The part's params validated by its own type; a problem names the parameter as {@code sparse_params.k1}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(ModelParams p, String name, RetrievalModelType type,
            Map<String, Object> defaults) {
        Object raw = p.has(name) ? p.raw(name) : defaults;
        if (!(raw instanceof Map<?, ?> map)) {
            throw p.invalid(name, "must be an object of " + type.type() + " parameters", "object");
        }
        try {
            return type.validate((Map<String, Object>) map);
        } catch (ProblemException e) {
            throw within(name, e);
        }
    }

    /** The part's problem with its parameter named inside the part ({@code dense_params.chunk_words}). */
    private static ProblemException within(String name, ProblemException e) {
        Map<String, Object> extensions = new LinkedHashMap<>(e.extensions());
        if (extensions.containsKey("param") || !extensions.containsKey("limit")) {
            extensions.put("param", name + "." + e.extensions().getOrDefault("param", ""));
        }
        return new ProblemException(e.status(), e.slug(), e.title(), name + ": " + e.detail(), extensions);
    }

    @Override
    @SuppressWarnings("unchecked")
    public RetrievalModel fit(QaDataset dataset, Map<String, Object> params, Storage storage) {
        RetrievalModel sparse = null;
        try {
            sparse = sparseType(params).fit(dataset, (Map<String, Object>) params.get("sparse_params"),
                    child(storage, SPARSE));
            DenseRetrievalModel dense;
            try {
                dense = (DenseRetrievalModel) embedding.fit(dataset, (Map<String, Object>) params.get("dense_params"),
                        child(storage, DENSE));
            } catch (ProblemException e) {
                throw within("dense_params", e);
            }
            return new HybridRetrievalModel(sparse, dense, settings(params));
        } catch (RuntimeException e) {
            if (sparse != null) {
                sparse.close();
            }
            throw e;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public RetrievalModel load(Map<String, Object> params, Storage storage) {
        RetrievalModel sparse = sparseType(params).load((Map<String, Object>) params.get("sparse_params"),
                storage.child(SPARSE));
        DenseRetrievalModel dense = (DenseRetrievalModel) embedding.load(
                (Map<String, Object>) params.get("dense_params"), storage.child(DENSE));
        return new HybridRetrievalModel(sparse, dense, settings(params));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void delete(Map<String, Object> params, Storage storage) {
        try {
            sparseType(params).delete((Map<String, Object>) params.get("sparse_params"), storage.child(SPARSE));
        } finally {
            embedding.delete((Map<String, Object>) params.get("dense_params"), storage.child(DENSE));
        }
    }

    private RetrievalModelType sparseType(Map<String, Object> params) {
        return sparseTypes.get((String) params.get("sparse_type"));
    }

    static HybridRetrievalModel.Settings settings(Map<String, Object> params) {
        return new HybridRetrievalModel.Settings(
                "rrf".equals(params.get("method")),
                ScoreFusion.Normalization.valueOf(((String) params.get("normalization")).toUpperCase()),
                ((Number) params.get("weight")).doubleValue(),
                ((Number) params.get("rrf_k")).intValue(),
                ((Number) params.get("candidates")).intValue());
    }

    private static Storage child(Storage storage, String name) {
        Storage child = storage.child(name);
        try {
            Files.createDirectories(child.dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return child;
    }
}
