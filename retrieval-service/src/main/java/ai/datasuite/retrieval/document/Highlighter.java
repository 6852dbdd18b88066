package ai.datasuite.retrieval.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.datasuite.retrieval.document.DocumentSearchResponse.DocumentHit;
import ai.datasuite.retrieval.document.DocumentSearchResponse.Highlight;
import ai.datasuite.retrieval.embedding.TextEmbedder;
import ai.datasuite.retrieval.text.EnglishStopWords;
import ai.datasuite.retrieval.text.TextAnalyzer;

/**
 * Picks the sentences of a search's hits that best answer the query ("highlights"), for an extractive answer without an
 * LLM. Each distinct sentence of the hits gets three signals, each turned into a z-score over the candidates so that
 * their weights are comparable whatever the query: the cosine of the query's e5 vector (already computed by the search)
 * with the sentence's (embedded as a passage); the idf-weighted share of the query's terms the sentence holds (idf over
 * the candidate sentences, light stemming); and the fused score of the hit it comes from. Weights are configuration
 * ({@code retrieval.documents.highlights.*}); the defaults were measured on SQuAD (README, RAG quality).
 * <p>
 * Cost: one batched e5 call for the sentences not in the LRU cache (about 25 sentences for 3 hits of ~1,000 characters:
 * ~0.1-0.2 s on 2 cores when none is cached, nothing when all are); the rest is microseconds.
 */
public final class Highlighter {

    /** Weights of the z-scored signals and the limits, from configuration. */
    public record Settings(double denseWeight, double lexicalWeight, double hitWeight, int maxSentenceChars,
                           int cacheSize) {
    }

    private final Settings settings;
    private final SentenceSplitter splitter;
    private final TextAnalyzer analyzer = new TextAnalyzer(true, EnglishStopWords.WORDS, 1, 1);
    private final Map<String, float[]> cache;

    public Highlighter(Settings settings) {
        this.settings = settings;
        this.splitter = new SentenceSplitter(settings.maxSentenceChars());
        int capacity = Math.max(0, settings.cacheSize());
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The best {@code n} sentences of {@code hits}, best first; {@code hit} indexes into {@code hits}. */
    public List<Highlight> highlight(String query, float[] queryVector, List<DocumentHit> hits, int n,
            TextEmbedder embedder) {
        if (n <= 0 || hits.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int h = 0; h < hits.size(); h++) {
            for (String sentence : splitter.split(hits.get(h).text())) {
                // Overlapping chunks repeat sentences: keep the copy of the better hit.
                if (seen.add(sentence.toLowerCase(Locale.ROOT))) {
                    candidates.add(new Candidate(sentence, h, stems(sentence)));
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        double[] dense = settings.denseWeight() == 0 ? new double[candidates.size()]
                : dense(candidates, queryVector, embedder);
        double[] lexical = lexical(candidates, stems(query));
        double[] hit = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            hit[i] = hits.get(candidates.get(i).hit).score();
        }
        double[] zd = zscores(dense);
        double[] zl = zscores(lexical);
        double[] zh = zscores(hit);
        for (int i = 0; i < candidates.size(); i++) {
            candidates.get(i).score = settings.denseWeight() * zd[i] + settings.lexicalWeight() * zl[i]
                    + settings.hitWeight() * zh[i];
        }
        List<Candidate> ranked = new ArrayList<>(candidates);
        // Ties: the earlier hit, then the earlier sentence (the sort is stable).
        ranked.sort(Comparator.comparingDouble((Candidate c) -> -c.score));
        List<Highlight> out = new ArrayList<>();
        for (Candidate c : ranked.subList(0, Math.min(n, ranked.size()))) {
            DocumentHit source = hits.get(c.hit);
            out.add(new Highlight(c.text, source.sourceFileId(), source.owner(), source.position(), c.hit,
                    Math.round(c.score * 1e4) / 1e4));
        }
        return out;
    }

    private double[] dense(List<Candidate> candidates, float[] queryVector, TextEmbedder embedder) {
        Map<String, float[]> vectors = new HashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (cache) {
            for (Candidate c : candidates) {
                float[] v = cache.get(c.text);
                if (v != null) {
                    vectors.put(c.text, v);
                } else {
                    missing.add(c.text);
                }
            }
        }
        if (!missing.isEmpty()) {
            float[][] computed = embedder.embedPassages(missing);
            synchronized (cache) {
                for (int i = 0; i < missing.size(); i++) {
                    vectors.put(missing.get(i), computed[i]);
                    cache.put(missing.get(i), computed[i]);
                }
            }
        }
        double[] out = new double[candidates.size()];
        for (int i = 0; i < out.length; i++) {
            float[] v = vectors.get(candidates.get(i).text);
            double dot = 0;
            for (int d = 0; d < v.length; d++) {
                dot += v[d] * queryVector[d];
            }
            out[i] = dot;
        }
        return out;
    }

    /** Sum of idf of the query's stems the sentence holds, over the sum of all of them (0..1). */
    static double[] lexical(List<Candidate> candidates, Set<String> query) {
        double[] out = new double[candidates.size()];
        if (query.isEmpty()) {
            return out;
        }
        Map<String, Double> idf = new HashMap<>();
        for (String term : query) {
            long df = candidates.stream().filter(c -> c.stems.contains(term)).count();
            idf.put(term, Math.log(1 + (candidates.size() + 1.0) / (df + 0.5)));
        }
        double total = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (String term : query) {
                if (candidates.get(i).stems.contains(term)) {
                    sum += idf.get(term);
                }
            }
            out[i] = sum / total;
        }
        return out;
    }

    Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        for (String term : analyzer.analyze(text)) {
            out.add(stem(term));
        }
        return out;
    }

    /** A light suffix stripper (plural, past, gerund, adverb), enough to match "flows" with "flow". */
    static String stem(String term) {
        for (String suffix : new String[] {"ing", "edly", "ed", "ly", "ies", "s"}) {
            if (term.length() > suffix.length() + 2 && term.endsWith(suffix)) {
                String base = term.substring(0, term.length() - suffix.length());
                return suffix.equals("ies") ? base + "y" : base;
            }
        }
        return term;
    }

    static double[] zscores(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / values.length);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = sd < 1e-12 ? 0 : (values[i] - mean) / sd;
        }
        return out;
    }

    static final class Candidate {
        final String text;
        final int hit;
        final Set<String> stems;
        double score;

        Candidate(String text, int hit, Set<String> stems) {
            this.text = text;
            this.hit = hit;
            this.stems = stems;
        }
    }
}
