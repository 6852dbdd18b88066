package ai.datasuite.inference.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF over WordPiece token ids: unigrams and contiguous bigrams, sublinear TF ({@code log1p(count)}) times a smoothed
 * IDF, then L2-normalised. The same n-gram pool feeds ONNX's {@code TfIdfVectorizer} in the assembled graph; padding
 * id 0 never enters the pool, so padding adds nothing.
 */
public final class TokenFeatures {

    /** A sparse row: ascending feature indexes and their values. */
    public record Sparse(int[] index, float[] value) {
    }

    private final long[][] ngrams;
    private final float[] idf;
    private final Map<Long, Integer> unigramIndex = new HashMap<>();
    private final Map<Long, Integer> bigramIndex = new HashMap<>();

    /** {@code ngrams}: unigrams first (ascending), then bigrams (ascending); {@code idf} in the same order. */
    public TokenFeatures(long[][] ngrams, float[] idf) {
        this.ngrams = ngrams;
        this.idf = idf;
        for (int i = 0; i < ngrams.length; i++) {
            if (ngrams[i].length == 1) {
                unigramIndex.put(ngrams[i][0], i);
            } else {
                bigramIndex.put(pair(ngrams[i][0], ngrams[i][1]), i);
            }
        }
    }

    private static long pair(long a, long b) {
        return (a << 32) | b;
    }

    /**
     * Fits the pool on {@code docs}: n-grams in at least {@code minDf} documents, at most {@code maxFeatures} of them
     * (highest document frequency first, ties by n-gram order so the result is deterministic).
     */
    public static TokenFeatures fit(List<long[]> docs, int minDf, int maxFeatures) {
        Map<Long, Integer> uni = new HashMap<>();
        Map<Long, Integer> bi = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (long[] doc : docs) {
            seen.clear();
            for (int t = 0; t < doc.length; t++) {
                // Unigram keys carry the top bit, which no bigram key (two ids below 2^31) has.
                if (doc[t] != 0 && seen.add(doc[t] | (1L << 63))) {
                    uni.merge(doc[t], 1, Integer::sum);
                }
            }
            for (int t = 0; t + 1 < doc.length; t++) {
                if (doc[t] != 0 && doc[t + 1] != 0 && seen.add(pair(doc[t], doc[t + 1]))) {
                    bi.merge(pair(doc[t], doc[t + 1]), 1, Integer::sum);
                }
            }
        }
        record Candidate(long[] gram, int df) {
        }
        List<Candidate> all = new ArrayList<>();
        uni.forEach((k, df) -> {
            if (df >= minDf) {
                all.add(new Candidate(new long[] {k}, df));
            }
        });
        bi.forEach((k, df) -> {
            if (df >= minDf) {
                all.add(new Candidate(new long[] {k >>> 32, k & 0xffffffffL}, df));
            }
        });
        Comparator<long[]> gramOrder = (a, b) -> a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compare(a, b);
        all.sort(Comparator.comparingInt((Candidate c) -> -c.df()).thenComparing(Candidate::gram, gramOrder));
        List<Candidate> kept = new ArrayList<>(all.subList(0, Math.min(maxFeatures, all.size())));
        kept.sort(Comparator.comparing(Candidate::gram, gramOrder));
        long[][] grams = new long[kept.size()][];
        float[] idf = new float[kept.size()];
        double n = docs.size();
        for (int i = 0; i < kept.size(); i++) {
            grams[i] = kept.get(i).gram();
            idf[i] = (float) (Math.log((1 + n) / (1 + kept.get(i).df())) + 1);
        }
        return new TokenFeatures(grams, idf);
    }

    public int size() {
        return ngrams.length;
    }

    public long[][] ngrams() {
        return ngrams;
    }

    public float[] idf() {
        return idf;
    }

    public int unigramCount() {
        int u = 0;
        while (u < ngrams.length && ngrams[u].length == 1) {
            u++;
        }
        return u;
    }

    /** Raw counts of the pool's n-grams in {@code ids} (what ONNX TfIdfVectorizer in TF mode yields), as a dense row. */
    public float[] counts(long[] ids) {
        float[] tf = new float[ngrams.length];
        for (int t = 0; t < ids.length; t++) {
            Integer u = unigramIndex.get(ids[t]);
            if (u != null) {
                tf[u]++;
            }
            if (t + 1 < ids.length) {
                Integer b = bigramIndex.get(pair(ids[t], ids[t + 1]));
                if (b != null) {
                    tf[b]++;
                }
            }
        }
        return tf;
    }

    /** {@code log1p(tf) * idf}, L2-normalised. */
    public Sparse transform(long[] ids) {
        Map<Integer, Integer> tf = new HashMap<>();
        for (int t = 0; t < ids.length; t++) {
            Integer u = unigramIndex.get(ids[t]);
            if (u != null) {
                tf.merge(u, 1, Integer::sum);
            }
            if (t + 1 < ids.length) {
                Integer b = bigramIndex.get(pair(ids[t], ids[t + 1]));
                if (b != null) {
                    tf.merge(b, 1, Integer::sum);
                }
            }
        }
        int[] index = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] value = new float[index.length];
        double norm = 0;
        for (int i = 0; i < index.length; i++) {
            value[i] = (float) (Math.log1p(tf.get(index[i])) * idf[index[i]]);
            norm += (double) value[i] * value[i];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        for (int i = 0; i < value.length; i++) {
            value[i] = (float) (value[i] / norm);
        }
        return new Sparse(index, value);
    }
}
