package ai.datasuite.retrieval.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.javagl.tsne.Tsne;

import ai.datasuite.retrieval.config.DatasetsConfig;
import ai.datasuite.retrieval.text.EnglishStopWords;

/**
 * Computes the exploratory data analysis of a dataset: length distributions, stop-word counts, top words and a t-SNE
 * projection of the contexts. Pure (no I/O); deterministic for a dataset and configuration.
 * <p>
 * t-SNE is {@code de.javagl:bh-tsne} (BSD licence; the Barnes-Hut t-SNE of T-SNE-Java with a fixed random seed). Its
 * PCA step is skipped (initial dimensions = input dimensions): PCA over thousands of TF-IDF dimensions would cost more
 * than the projection, and the input is already cut to the most frequent terms.
 */
final class DatasetEda {

    /** Words for the lengths: runs of non-space characters, as {@code len(text.split())}. */
    private static final Pattern WHITESPACE_WORD = Pattern.compile("\\S+");
    /** Word tokens for stop-word counts; single letters ("a", "I") count. */
    private static final Pattern WORD = Pattern.compile("(?U)\\b\\w+\\b");
    /** Terms for top words and TF-IDF: scikit-learn's default token pattern (two or more word characters). */
    private static final Pattern TERM = Pattern.compile("(?U)\\b\\w\\w+\\b");
    private static final int MIN_TSNE_CONTEXTS = 5;

    private final DatasetsConfig.Eda config;

    public DatasetEda(DatasetsConfig.Eda config) {
        this.config = config;
    }

    public EdaView compute(QaDataset dataset) {
        long start = System.nanoTime();
        List<String> questions = dataset.rows().stream().map(QaRow::question).toList();
        List<String> answers = dataset.rows().stream().map(QaRow::answer).toList();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("context", dataset.contexts());
        fields.put("question", questions);
        fields.put("answer", answers);

        Map<String, EdaView.FieldLengths> lengths = new LinkedHashMap<>();
        Map<String, EdaView.StopCount> perField = new LinkedHashMap<>();
        Map<String, long[]> termCounts = new HashMap<>();
        long stop = 0;
        long other = 0;
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            List<String> texts = field.getValue();
            lengths.put(field.getKey(), new EdaView.FieldLengths(texts.size(),
                    distribution(lengths(texts, DatasetEda::wordCount)),
                    distribution(lengths(texts, text -> text.codePointCount(0, text.length())))));
            long fieldStop = 0;
            long fieldOther = 0;
            for (String text : texts) {
                Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
                while (words.find()) {
                    if (EnglishStopWords.WORDS.contains(words.group())) {
                        fieldStop++;
                    } else {
                        fieldOther++;
                    }
                }
                for (String term : terms(text)) {
                    if (!isNumber(term)) {
                        termCounts.computeIfAbsent(term, key -> new long[1])[0]++;
                    }
                }
            }
            perField.put(field.getKey(), new EdaView.StopCount(fieldStop, fieldOther));
            stop += fieldStop;
            other += fieldOther;
        }
        List<EdaView.WordCount> topWords = termCounts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(config.topWords())
                .map(e -> new EdaView.WordCount(e.getKey(), e.getValue()[0]))
                .toList();
        EdaView.WordCounts words = new EdaView.WordCounts(stop, other,
                stop + other == 0 ? 0.0 : (double) stop / (stop + other), perField);
        EdaView.Tsne tsne = tsne(dataset.contexts());
        return new EdaView(dataset.id(), lengths, words, topWords, tsne, (System.nanoTime() - start) / 1_000_000);
    }

    // ---- lengths ----

    static int wordCount(String text) {
        int count = 0;
        Matcher m = WHITESPACE_WORD.matcher(text);
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static int[] lengths(List<String> texts, Function<String, Integer> length) {
        int[] values = new int[texts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = length.apply(texts.get(i));
        }
        return values;
    }

    EdaView.Distribution distribution(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        long sum = 0;
        for (int v : sorted) {
            sum += v;
        }
        EdaView.Stats stats = new EdaView.Stats(n, sorted[0], sorted[n - 1], (double) sum / n,
                percentile(sorted, 0.5), percentile(sorted, 0.95));
        return new EdaView.Distribution(stats, bins(sorted, config.bins()));
    }

    /** Linear interpolation between closest ranks: numpy.percentile's default. */
    static double percentile(int[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Equal-width integer bins from min to max (inclusive), at most {@code maxBins}; every value is in one bin. */
    static List<EdaView.Bin> bins(int[] sorted, int maxBins) {
        int min = sorted[0];
        int max = sorted[sorted.length - 1];
        long span = (long) max - min + 1;
        int width = (int) Math.max(1, (span + maxBins - 1) / maxBins);
        int count = (int) ((span + width - 1) / width);
        int[] counts = new int[count];
        for (int v : sorted) {
            counts[(v - min) / width]++;
        }
        List<EdaView.Bin> bins = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = min + i * width;
            bins.add(new EdaView.Bin(from, Math.min(max, from + width - 1), counts[i]));
        }
        return bins;
    }

    // ---- words ----

    private static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        Matcher m = TERM.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String term = m.group();
            if (!EnglishStopWords.WORDS.contains(term)) {
                terms.add(term);
            }
        }
        return terms;
    }

    private static boolean isNumber(String term) {
        for (int i = 0; i < term.length(); i++) {
            if (!Character.isDigit(term.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---- t-SNE ----

    /** The contexts t-SNE projects: all, or a seeded random sample of {@code max} of them, in index order. */
    static int[] sample(int total, int max, long seed) {
        List<Integer> indices = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            indices.add(i);
        }
        if (total > max) {
            Collections.shuffle(indices, new Random(seed));
            indices = new ArrayList<>(indices.subList(0, max));
            Collections.sort(indices);
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * TF-IDF rows of the given texts, as scikit-learn's TfidfVectorizer with stop_words='english', smooth_idf and l2
     * norm, over the {@code maxTerms} terms with the highest document frequency (ties: alphabetical).
     */
    static double[][] tfidf(List<String> texts, int maxTerms) {
        List<Map<String, Integer>> counts = new ArrayList<>(texts.size());
        Map<String, Integer> df = new HashMap<>();
        for (String text : texts) {
            Map<String, Integer> tf = new HashMap<>();
            for (String term : terms(text)) {
                tf.merge(term, 1, Integer::sum);
            }
            tf.keySet().forEach(term -> df.merge(term, 1, Integer::sum));
            counts.add(tf);
        }
        List<String> vocabulary = df.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .limit(maxTerms)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        Map<String, Integer> column = new HashMap<>();
        double[] idf = new double[vocabulary.size()];
        int n = texts.size();
        for (int j = 0; j < vocabulary.size(); j++) {
            column.put(vocabulary.get(j), j);
            idf[j] = Math.log((1.0 + n) / (1.0 + df.get(vocabulary.get(j)))) + 1.0;
        }
        double[][] matrix = new double[n][vocabulary.size()];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (Map.Entry<String, Integer> tf : counts.get(i).entrySet()) {
                Integer j = column.get(tf.getKey());
                if (j != null) {
                    matrix[i][j] = tf.getValue() * idf[j];
                    norm += matrix[i][j] * matrix[i][j];
                }
            }
            if (norm > 0) {
                double scale = 1.0 / Math.sqrt(norm);
                for (int j = 0; j < matrix[i].length; j++) {
                    matrix[i][j] *= scale;
                }
            }
        }
        return matrix;
    }

    private EdaView.Tsne tsne(List<String> contexts) {
        int[] sample = sample(contexts.size(), config.maxContexts(), config.seed());
        if (sample.length < MIN_TSNE_CONTEXTS) {
            return new EdaView.Tsne(contexts.size(), 0, 0, 0, 0, config.theta(), config.seed(),
                    "t-SNE needs at least " + MIN_TSNE_CONTEXTS + " distinct contexts; this dataset has "
                            + contexts.size(), List.of());
        }
        List<String> texts = new ArrayList<>(sample.length);
        for (int index : sample) {
            texts.add(contexts.get(index));
        }
        double[][] matrix = tfidf(texts, config.maxTerms());
        int terms = matrix[0].length;
        if (terms == 0) {
            return new EdaView.Tsne(contexts.size(), 0, 0, 0, 0, config.theta(), config.seed(),
                    "the contexts have no terms besides stop words", List.of());
        }
        // Barnes-Hut t-SNE needs n - 1 > 3 * perplexity.
        double perplexity = Math.min(config.perplexity(), (sample.length - 1) / 3.0 - 0.01);
        Tsne tsne = new Tsne();
        tsne.setOutputDims(2);
        tsne.setInitialDims(terms);
        tsne.setPerplexity(perplexity);
        tsne.setMaxIterations(config.iterations());
        tsne.setTheta(config.theta());
        tsne.setRandomSeed(config.seed());
        double[][] projected = tsne.run(matrix);
        List<EdaView.Point> points = new ArrayList<>(sample.length);
        for (int i = 0; i < sample.length; i++) {
            points.add(new EdaView.Point(sample[i], projected[i][0], projected[i][1]));
        }
        String note = sample.length < contexts.size()
                ? "a sample of " + sample.length + " of " + contexts.size() + " contexts (seed " + config.seed() + ")"
                : null;
        return new EdaView.Tsne(contexts.size(), sample.length, terms, perplexity, config.iterations(),
                config.theta(), config.seed(), note, points);
    }
}
