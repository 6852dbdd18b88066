package ai.datasuite.retrieval.model;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.datasuite.retrieval.config.ModelsConfig;
import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.retrieval.text.Bm25Vectorizer;
import ai.datasuite.retrieval.text.TextAnalyzer;
import ai.datasuite.retrieval.text.VocabularyLimitException;

/**
 * {@code bm25}: Okapi BM25 with Lucene's formulas ({@link Bm25Vectorizer}) over the same analyzer as {@code tfidf}
 * (scikit-learn's tokens, optional lower-casing, stop words and n-grams).
 */
@ApplicationScoped
class Bm25ModelType implements RetrievalModelType {

    public static final String TYPE = "bm25";
    static final List<String> PARAMS = List.of("k1", "b", "ngram_range", "stop_words", "lowercase");
    private static final String AVERAGE_LENGTH = "average_length";

    private final int maxTerms;

    @Inject
    Bm25ModelType(ModelsConfig config) {
        this.maxTerms = config.fit().maxTerms();
    }

    /** Outside the service (tests): its fits hold any number of terms. */
    Bm25ModelType() {
        this.maxTerms = Integer.MAX_VALUE;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> params) {
        ModelParams p = ModelParams.of(TYPE, params, PARAMS);
        p.number("k1", 1.2, 0.0, 10.0);
        p.number("b", 0.75, 0.0, 1.0);
        p.ngramRange("ngram_range", TfidfModelType.MAX_NGRAM);
        p.stopWords("stop_words");
        p.bool("lowercase", true);
        return p.result();
    }

    @Override
    public RetrievalModel fit(QaDataset dataset, Map<String, Object> params, Storage storage) {
        Bm25Vectorizer vectorizer;
        try {
            vectorizer = Bm25Vectorizer.fit(dataset.contexts(), analyzer(params), k1(params), b(params), maxTerms);
        } catch (VocabularyLimitException e) {
            throw TfidfModelType.tooManyTerms(e, dataset);
        }
        new VocabularyFile(Map.of("type", TYPE, AVERAGE_LENGTH, Double.toString(vectorizer.averageLength())),
                vectorizer.terms(), vectorizer.idf()).write(storage.dir());
        SparseRetrievalModel.index(dataset, vectorizer::document, storage.collection(), storage.store());
        return model(vectorizer, storage);
    }

    @Override
    public RetrievalModel load(Map<String, Object> params, Storage storage) {
        VocabularyFile file = VocabularyFile.read(storage.dir());
        double averageLength = Double.parseDouble(file.header().get(AVERAGE_LENGTH));
        return model(new Bm25Vectorizer(analyzer(params), k1(params), b(params), averageLength, file.terms(),
                file.weights()), storage);
    }

    static TextAnalyzer analyzer(Map<String, Object> params) {
        @SuppressWarnings("unchecked")
        List<Number> ngram = (List<Number>) params.get("ngram_range");
        return new TextAnalyzer((Boolean) params.get("lowercase"), TfidfModelType.stopWords(params.get("stop_words")),
                ngram.get(0).intValue(), ngram.get(1).intValue());
    }

    private static double k1(Map<String, Object> params) {
        return ((Number) params.get("k1")).doubleValue();
    }

    private static double b(Map<String, Object> params) {
        return ((Number) params.get("b")).doubleValue();
    }

    private static RetrievalModel model(Bm25Vectorizer vectorizer, Storage storage) {
        return new SparseRetrievalModel(vectorizer::query, storage.collection(), storage.store(),
                vectorizer.memoryBytes());
    }
}
