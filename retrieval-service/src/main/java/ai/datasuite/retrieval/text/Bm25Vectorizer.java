package ai.datasuite.retrieval.text;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.datasuite.vectorindex.SparseVector;

/**
 * Okapi BM25 as sparse vectors, with Lucene's {@code BM25Similarity} formulas: a document's weight for term t is
 * {@code idf(t) * tf / (tf + k1 * (1 - b + b * dl / avgdl))} with {@code idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5))}
 * and dl the document's term count; the query vector holds the query's term counts, so the sparse dot product is the
 * BM25 score (Lucene sums one clause per query term). Lucene's constant {@code (k1 + 1)} factor is left out like
 * Lucene 8+ does: it does not change the ranking.
 */
public final class Bm25Vectorizer {

    private final TextAnalyzer analyzer;
    private final double k1;
    private final double b;
    private final double averageLength;
    private final String[] terms;
    private final Map<String, Integer> index;
    private final double[] idf;

    /** A fitted vectorizer from its parts: {@code terms} sorted (index order), their idf and the corpus' avgdl. */
    public Bm25Vectorizer(TextAnalyzer analyzer, double k1, double b, double averageLength, String[] terms,
                          double[] idf) {
        this.analyzer = analyzer;
        this.k1 = k1;
        this.b = b;
        this.averageLength = averageLength;
        this.terms = terms;
        this.idf = idf;
        this.index = new java.util.HashMap<>(terms.length * 2);
        for (int i = 0; i < terms.length; i++) {
            index.put(terms[i], i);
        }
    }

    /** Learns the vocabulary, idf and average length of {@code documents}. */
    public static Bm25Vectorizer fit(List<String> documents, TextAnalyzer analyzer, double k1, double b) {
        return fit(documents, analyzer, k1, b, Integer.MAX_VALUE);
    }

    /** {@link #fit(List, TextAnalyzer, double, double)} holding at most {@code maxTerms} distinct terms. */
    public static Bm25Vectorizer fit(List<String> documents, TextAnalyzer analyzer, double k1, double b,
                                     int maxTerms) {
        TreeMap<String, long[]> df = new TreeMap<>(TextAnalyzer.CODE_POINT_ORDER);
        long totalLength = 0;
        int read = 0;
        for (String document : documents) {
            List<String> analyzed = analyzer.analyze(document);
            totalLength += analyzed.size();
            for (String term : TfidfVectorizer.counts(analyzed).keySet()) {
                df.computeIfAbsent(term, t -> new long[1])[0]++;
            }
            read++;
            if (df.size() > maxTerms) {
                throw new VocabularyLimitException(maxTerms, read);
            }
        }
        if (df.isEmpty()) {
            throw new IllegalArgumentException("empty vocabulary; perhaps the documents only contain stop words");
        }
        int n = documents.size();
        String[] terms = df.keySet().toArray(String[]::new);
        double[] idf = new double[terms.length];
        for (int i = 0; i < terms.length; i++) {
            long d = df.get(terms[i])[0];
            idf[i] = Math.log(1.0 + (n - d + 0.5) / (d + 0.5));
        }
        return new Bm25Vectorizer(analyzer, k1, b, (double) totalLength / n, terms, idf);
    }

    /** The BM25 term weights of a document of the corpus (or any text scored as one). */
    public SparseVector document(String text) {
        List<String> analyzed = analyzer.analyze(text);
        TreeMap<Integer, Integer> counts = indexCounts(analyzed);
        double norm = k1 * (1 - b + b * analyzed.size() / averageLength);
        int[] indices = new int[counts.size()];
        float[] values = new float[counts.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            double tf = e.getValue();
            indices[k] = e.getKey();
            values[k] = (float) (idf[e.getKey()] * tf / (tf + norm));
            k++;
        }
        return new SparseVector(indices, values);
    }

    /** The query's term counts over the vocabulary (unknown terms dropped). */
    public SparseVector query(String text) {
        TreeMap<Integer, Integer> counts = indexCounts(analyzer.analyze(text));
        int[] indices = new int[counts.size()];
        float[] values = new float[counts.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            indices[k] = e.getKey();
            values[k] = e.getValue();
            k++;
        }
        return new SparseVector(indices, values);
    }

    public String[] terms() {
        return terms.clone();
    }

    public double[] idf() {
        return idf.clone();
    }

    public double averageLength() {
        return averageLength;
    }

    /** Heap estimate: term strings, the hash index, the idf array. */
    public long memoryBytes() {
        long bytes = 64L + 8L * idf.length + 4L * terms.length;
        for (String term : terms) {
            bytes += 24 + 16 + 2L * term.length() + 48;
        }
        return bytes;
    }

    private TreeMap<Integer, Integer> indexCounts(List<String> analyzed) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (String term : analyzed) {
            Integer i = index.get(term);
            if (i != null) {
                counts.merge(i, 1, Integer::sum);
            }
        }
        return counts;
    }
}
