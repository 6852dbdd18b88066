package ai.datasuite.retrieval.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.datasuite.vectorindex.SparseVector;

/**
 * scikit-learn's {@code TfidfVectorizer} (1.2): the same vocabulary (sorted terms), document-frequency pruning,
 * {@code max_features} selection, idf and normalisation, so that the same parameters give the same vectors.
 */
public final class TfidfVectorizer {

    /** Row normalisation of {@code transform}'s output. */
    public enum Norm { L1, L2, NONE }

    /**
     * The fitting parameters. {@code minDf}/{@code maxDf}: an Integer/Long is a document count, a Double a proportion
     * of the documents (scikit-learn's int vs float); {@code maxFeatures} null keeps every term.
     */
    public record Settings(TextAnalyzer analyzer, Number minDf, Number maxDf, Integer maxFeatures,
                           boolean sublinearTf, Norm norm, boolean smoothIdf, boolean useIdf) {
    }

    private final Settings settings;
    private final String[] terms;
    private final Map<String, Integer> index;
    private final double[] idf;

    /** A fitted vectorizer from its parts: {@code terms} in index order (sorted) and their idf. */
    public TfidfVectorizer(Settings settings, String[] terms, double[] idf) {
        if (terms.length != idf.length) {
            throw new IllegalArgumentException("terms and idf differ in length");
        }
        this.settings = settings;
        this.terms = terms;
        this.idf = idf;
        this.index = new HashMap<>(terms.length * 2);
        for (int i = 0; i < terms.length; i++) {
            index.put(terms[i], i);
        }
    }

    /**
     * Learns the vocabulary and idf of {@code documents}. Throws {@link IllegalArgumentException} with
     * scikit-learn's message when nothing is left (only stop words, or pruned by min_df/max_df).
     */
    public static TfidfVectorizer fit(List<String> documents, Settings settings) {
        return fit(documents, settings, Integer.MAX_VALUE);
    }

    /** {@link #fit(List, Settings)} holding at most {@code maxTerms} distinct terms ({@link VocabularyLimitException}). */
    public static TfidfVectorizer fit(List<String> documents, Settings settings, int maxTerms) {
        int n = documents.size();
        int read = 0;
        // Sorted like Python's sorted(vocabulary) so that indices match scikit-learn's.
        TreeMap<String, long[]> stats = new TreeMap<>(TextAnalyzer.CODE_POINT_ORDER); // term -> {df, total count}
        for (String document : documents) {
            for (Map.Entry<String, Integer> e : counts(settings.analyzer().analyze(document)).entrySet()) {
                long[] s = stats.computeIfAbsent(e.getKey(), k -> new long[2]);
                s[0]++;
                s[1] += e.getValue();
            }
            read++;
            if (stats.size() > maxTerms) {
                throw new VocabularyLimitException(maxTerms, read);
            }
        }
        if (stats.isEmpty()) {
            throw new IllegalArgumentException("empty vocabulary; perhaps the documents only contain stop words");
        }
        double maxDocCount = docCount(settings.maxDf(), n);
        double minDocCount = docCount(settings.minDf(), n);
        if (maxDocCount < minDocCount) {
            throw new IllegalArgumentException("max_df corresponds to < documents than min_df");
        }
        List<String> candidates = new ArrayList<>();
        List<long[]> candidateStats = new ArrayList<>();
        for (Map.Entry<String, long[]> e : stats.entrySet()) {
            long df = e.getValue()[0];
            if (df <= maxDocCount && df >= minDocCount) {
                candidates.add(e.getKey());
                candidateStats.add(e.getValue());
            }
        }
        boolean[] keep = new boolean[candidates.size()];
        if (settings.maxFeatures() != null && candidates.size() > settings.maxFeatures()) {
            // (-tfs[mask]).argsort()[:limit] with NumPy's (unstable) quicksort: ties at the cut go where NumPy puts them.
            double[] negativeTotals = new double[candidates.size()];
            for (int i = 0; i < negativeTotals.length; i++) {
                negativeTotals[i] = -(double) candidateStats.get(i)[1];
            }
            int[] order = NumpyArgsort.argsort(negativeTotals);
            for (int i = 0; i < settings.maxFeatures(); i++) {
                keep[order[i]] = true;
            }
        } else {
            Arrays.fill(keep, true);
        }
        List<String> kept = new ArrayList<>();
        List<Long> keptDf = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept.add(candidates.get(i));
                keptDf.add(candidateStats.get(i)[0]);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("After pruning, no terms remain. Try a lower min_df or a higher max_df.");
        }
        int smooth = settings.smoothIdf() ? 1 : 0;
        double[] idf = new double[kept.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = Math.log((double) (n + smooth) / (double) (keptDf.get(i) + smooth)) + 1.0;
        }
        return new TfidfVectorizer(settings, kept.toArray(String[]::new), idf);
    }

    /** The tf-idf row of {@code text}: indices increasing, computed in double precision. */
    public Weights transform(String text) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (String term : settings.analyzer().analyze(text)) {
            Integer i = index.get(term);
            if (i != null) {
                counts.merge(i, 1, Integer::sum);
            }
        }
        int[] indices = new int[counts.size()];
        double[] values = new double[counts.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            double tf = e.getValue();
            if (settings.sublinearTf()) {
                tf = Math.log(tf) + 1.0;
            }
            indices[k] = e.getKey();
            values[k] = settings.useIdf() ? tf * idf[e.getKey()] : tf;
            k++;
        }
        normalise(values, settings.norm());
        return new Weights(indices, values);
    }

    public Settings settings() {
        return settings;
    }

    /** The vocabulary in index order. */
    public String[] terms() {
        return terms.clone();
    }

    /** The idf per index (all 1 when {@code use_idf} is false is not assumed: stored as fitted). */
    public double[] idf() {
        return idf.clone();
    }

    public int size() {
        return terms.length;
    }

    /** Heap estimate: the term strings, the hash index and the idf array. */
    public long memoryBytes() {
        long bytes = 16L + 8L * idf.length + 16L + 4L * terms.length;
        for (String term : terms) {
            // String header + byte[] (Latin-1 or UTF-16) + a HashMap node and its boxed Integer.
            bytes += 24 + 16 + (long) term.length() * (isLatin1(term) ? 1 : 2) + 32 + 16;
        }
        return bytes + 16L + 4L * Integer.highestOneBit(Math.max(1, terms.length * 2)) * 2;
    }

    /** A sparse row in double precision; {@link #toSparse()} gives the stored float form. */
    public record Weights(int[] indices, double[] values) {

        public SparseVector toSparse() {
            float[] floats = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                floats[i] = (float) values[i];
            }
            return new SparseVector(indices, floats);
        }
    }

    static Map<String, Integer> counts(List<String> terms) {
        Map<String, Integer> counts = new HashMap<>();
        for (String term : terms) {
            counts.merge(term, 1, Integer::sum);
        }
        return counts;
    }

    static void normalise(double[] values, Norm norm) {
        double total = 0;
        if (norm == Norm.L2) {
            for (double v : values) {
                total += v * v;
            }
            total = Math.sqrt(total);
        } else if (norm == Norm.L1) {
            for (double v : values) {
                total += Math.abs(v);
            }
        }
        // scikit-learn leaves all-zero rows as they are.
        if (norm != Norm.NONE && total > 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] /= total;
            }
        }
    }

    private static double docCount(Number df, int documents) {
        if (df instanceof Double || df instanceof Float) {
            return df.doubleValue() * documents;
        }
        return df.longValue();
    }

    private static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
