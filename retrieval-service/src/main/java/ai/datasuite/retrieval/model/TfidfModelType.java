package ai.datasuite.retrieval.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.config.ModelsConfig;
import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.retrieval.text.EnglishStopWords;
import ai.datasuite.retrieval.text.TextAnalyzer;
import ai.datasuite.retrieval.text.TfidfVectorizer;
import ai.datasuite.retrieval.text.VocabularyLimitException;

/**
 * {@code tfidf}: scikit-learn's {@code TfidfVectorizer} with the same parameter names, kinds and defaults; the
 * contexts' rows go to the vector store, the vocabulary and idf to {@code vocabulary.tsv}.
 */
@ApplicationScoped
public class TfidfModelType implements RetrievalModelType {

    public static final String TYPE = "tfidf";
    /** Longest n-gram accepted: the vocabulary grows with every order and longer n-grams hardly ever repeat. */
    public static final int MAX_NGRAM = 5;
    static final String MAX_TERMS = "retrieval.models.fit.max-terms";
    static final List<String> PARAMS = List.of("ngram_range", "min_df", "max_df", "max_features", "sublinear_tf",
            "stop_words", "lowercase", "norm", "smooth_idf", "use_idf");

    private final int maxTerms;

    @Inject
    public TfidfModelType(ModelsConfig config) {
        this.maxTerms = config.fit().maxTerms();
    }

    /** Outside the service (tools, tests): validates and reads params; its fits hold any number of terms. */
    public TfidfModelType() {
        this.maxTerms = Integer.MAX_VALUE;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> params) {
        ModelParams p = ModelParams.of(TYPE, params, PARAMS);
        p.ngramRange("ngram_range", MAX_NGRAM);
        documentFrequency(p, "min_df", 1);
        documentFrequency(p, "max_df", 1.0);
        Object maxFeatures = p.raw("max_features");
        if (maxFeatures != null && (!ModelParams.isInteger(maxFeatures) || ((Number) maxFeatures).longValue() < 1
                || ((Number) maxFeatures).longValue() > Integer.MAX_VALUE)) {
            throw p.invalid("max_features", "must be null (every term) or an integer >= 1",
                    "null or an integer >= 1");
        }
        p.put("max_features", maxFeatures == null ? null : ((Number) maxFeatures).intValue());
        p.bool("sublinear_tf", false);
        p.stopWords("stop_words");
        p.bool("lowercase", true);
        Object norm = p.raw("norm");
        p.put("norm", norm == null && p.has("norm") ? "none" : p.choice("norm", "l2", List.of("l2", "l1", "none")));
        p.bool("smooth_idf", true);
        p.bool("use_idf", true);
        return p.result();
    }

    @Override
    public RetrievalModel fit(QaDataset dataset, Map<String, Object> params, Storage storage) {
        TfidfVectorizer vectorizer;
        try {
            vectorizer = TfidfVectorizer.fit(dataset.contexts(), settings(params), maxTerms);
        } catch (VocabularyLimitException e) {
            throw tooManyTerms(e, dataset);
        }
        new VocabularyFile(Map.of("type", TYPE), vectorizer.terms(), vectorizer.idf()).write(storage.dir());
        SparseRetrievalModel.index(dataset, text -> vectorizer.transform(text).toSparse(), storage.collection(),
                storage.store());
        return model(vectorizer, storage);
    }

    @Override
    public RetrievalModel load(Map<String, Object> params, Storage storage) {
        VocabularyFile file = VocabularyFile.read(storage.dir());
        return model(new TfidfVectorizer(settings(params), file.terms(), file.weights()), storage);
    }

    /** The vectorizer settings of validated {@code params} (as {@link #validate} returns them). */
    public static TfidfVectorizer.Settings settings(Map<String, Object> params) {
        @SuppressWarnings("unchecked")
        List<Number> ngram = (List<Number>) params.get("ngram_range");
        TextAnalyzer analyzer = new TextAnalyzer((Boolean) params.get("lowercase"), stopWords(params.get("stop_words")),
                ngram.get(0).intValue(), ngram.get(1).intValue());
        Number maxFeatures = (Number) params.get("max_features");
        return new TfidfVectorizer.Settings(analyzer, (Number) params.get("min_df"), (Number) params.get("max_df"),
                maxFeatures == null ? null : maxFeatures.intValue(), (Boolean) params.get("sublinear_tf"),
                TfidfVectorizer.Norm.valueOf(((String) params.get("norm")).toUpperCase(java.util.Locale.ROOT)),
                (Boolean) params.get("smooth_idf"), (Boolean) params.get("use_idf"));
    }

    /** The 413 of a fit whose vocabulary passed {@code retrieval.models.fit.max-terms}, saying what to do. */
    static ProblemException tooManyTerms(VocabularyLimitException e, QaDataset dataset) {
        return ModelRequests.tooMuch("This fit counts more than " + e.maxTerms() + " distinct terms (after "
                + e.documentsRead() + " of " + dataset.contexts().size() + " contexts): use a shorter ngram_range,"
                + " stop_words, or a smaller dataset", MAX_TERMS, e.maxTerms(), e.maxTerms() + 1);
    }

    /** The stop-word set of a validated {@code stop_words} value. */
    static Set<String> stopWords(Object value) {
        if (value == null) {
            return Set.of();
        }
        if ("english".equals(value)) {
            return EnglishStopWords.WORDS;
        }
        Set<String> words = new java.util.HashSet<>();
        for (Object w : (List<?>) value) {
            words.add((String) w);
        }
        return words;
    }

    private static RetrievalModel model(TfidfVectorizer vectorizer, Storage storage) {
        return new SparseRetrievalModel(text -> vectorizer.transform(text).toSparse(), storage.collection(),
                storage.store(), vectorizer.memoryBytes());
    }

    /** scikit-learn's rule: an integer >= 1 is a document count, a decimal in [0.0, 1.0] a proportion. */
    private static void documentFrequency(ModelParams p, String name, Number fallback) {
        Object value = p.has(name) ? p.raw(name) : fallback;
        String rule = "must be an integer >= 1 (documents) or a decimal from 0.0 to 1.0 (proportion)";
        if (ModelParams.isInteger(value) && ((Number) value).longValue() >= 1) {
            p.put(name, ((Number) value).longValue() <= Integer.MAX_VALUE ? ((Number) value).intValue() : value);
        } else if ((value instanceof Double || value instanceof Float) && ((Number) value).doubleValue() >= 0.0
                && ((Number) value).doubleValue() <= 1.0) {
            p.put(name, ((Number) value).doubleValue());
        } else {
            throw p.invalid(name, rule, rule);
        }
    }
}
