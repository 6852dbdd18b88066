package ai.datasuite.retrieval.projection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.identity.Caller;
import ai.datasuite.retrieval.collection.CollectionProblems;
import ai.datasuite.retrieval.collection.CollectionRecord;
import ai.datasuite.retrieval.collection.CollectionService;
import ai.datasuite.retrieval.config.CollectionsConfig;
import ai.datasuite.retrieval.projection.WordCounts.WordCount;
import ai.datasuite.vectorindex.VectorPoint;

/**
 * Projections of a collection: its items' vectors by t-SNE (JSON, a PNG scatter by label, or the Embedding
 * Projector's TSV files) and the map of its most frequent words. Layouts are cached in memory (bounded, least recently
 * used out) by collection, its creation time and version, and the parameters, so an upsert or a re-created collection
 * is never served an old picture; labels are applied per request, so recolouring costs nothing.
 */
@ApplicationScoped
public class ProjectionService {

    private static final Logger LOG = Logger.getLogger(ProjectionService.class);
    static final String METHOD = "t-SNE";
    static final String CATEGORY = "category";
    static final String TITLE = "title";
    private static final double MAX_PERPLEXITY = 100;

    private final CollectionService collections;
    private final CollectionsConfig config;
    private final Map<String, Object> cache;

    /** The sampled items, in id order, with their 2-D places. */
    record Layout(List<VectorPoint> points, double[][] xy, long total, boolean sampled, double perplexity) {
    }

    /** The words, their e5 vectors and 2-D places. */
    record WordLayout(List<WordCount> words, float[][] vectors, double[][] xy) {
    }

    record Params(int maxPoints, double perplexity, long seed) {
    }

    record WordParams(int words, int minCount, double perplexity, long seed) {
    }

    public ProjectionService(CollectionService collections, CollectionsConfig config) {
        this.collections = collections;
        this.config = config;
        int size = Math.max(1, config.projection().cacheSize());
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > size;
            }
        });
    }

    public ProjectionView projection(Caller caller, String name, ProjectionRequest request) {
        CollectionRecord record = collections.require(caller, name);
        Params params = params(request);
        Layout layout = layout(record, params);
        Map<String, String> labels = request == null ? null : request.labels();
        List<ProjectionView.Point> points = new ArrayList<>(layout.points().size());
        for (int i = 0; i < layout.points().size(); i++) {
            VectorPoint p = layout.points().get(i);
            String id = p.payload().get(CollectionService.ITEM_ID);
            String label = labels != null ? labels.get(id) : p.payload().get(CATEGORY);
            points.add(new ProjectionView.Point(id, round(layout.xy()[i][0]), round(layout.xy()[i][1]), label,
                    p.payload().get(TITLE)));
        }
        return new ProjectionView(name, METHOD, layout.perplexity(), layout.total(), layout.sampled(), points);
    }

    public byte[] projectionPng(Caller caller, String name, ProjectionRequest request) {
        ProjectionView view = projection(caller, name, request);
        List<ScatterChart.Point> points = view.points().stream()
                .map(p -> new ScatterChart.Point(p.x(), p.y(), p.label())).toList();
        String title = "t-SNE of collection " + name + " (" + points.size()
                + (view.sampled() ? " of " + view.total() : "") + " items, perplexity " + view.perplexity() + ")";
        return ScatterChart.labelled(title, points, config.projection().width(), config.projection().height());
    }

    /** The sampled items' vectors and their id, label and title: no t-SNE (the Projector runs its own). */
    public byte[] projectionZip(Caller caller, String name, ProjectionRequest request) {
        CollectionRecord record = collections.require(caller, name);
        Params params = params(request);
        List<VectorPoint> sample = sample(collections.points(record), params.maxPoints(), params.seed());
        Map<String, String> labels = request == null ? null : request.labels();
        List<float[]> vectors = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (VectorPoint p : sample) {
            String id = p.payload().get(CollectionService.ITEM_ID);
            vectors.add(p.dense());
            rows.add(java.util.Arrays.asList(id, labels != null ? labels.get(id) : p.payload().get(CATEGORY),
                    p.payload().get(TITLE)));
        }
        return ProjectorExport.zip(vectors, List.of("id", "label", "title"), rows);
    }

    public WordMapView wordMap(Caller caller, String name, WordMapRequest request) {
        CollectionRecord record = collections.require(caller, name);
        WordLayout layout = wordLayout(record, wordParams(request));
        List<WordMapView.Word> words = new ArrayList<>();
        for (int i = 0; i < layout.words().size(); i++) {
            WordCount w = layout.words().get(i);
            words.add(new WordMapView.Word(w.word(), w.count(), round(layout.xy()[i][0]), round(layout.xy()[i][1])));
        }
        return new WordMapView(name, METHOD, words);
    }

    public byte[] wordMapPng(Caller caller, String name, WordMapRequest request) {
        WordMapView view = wordMap(caller, name, request);
        List<ScatterChart.Word> words = view.words().stream()
                .map(w -> new ScatterChart.Word(w.x(), w.y(), w.word(), w.count())).toList();
        return ScatterChart.words("Word map of collection " + name + " (" + words.size() + " words, e5 + t-SNE)",
                words, config.projection().width(), config.projection().height());
    }

    public byte[] wordMapZip(Caller caller, String name, WordMapRequest request) {
        CollectionRecord record = collections.require(caller, name);
        WordLayout layout = wordLayout(record, wordParams(request));
        List<List<String>> rows = layout.words().stream()
                .map(w -> List.of(w.word(), Integer.toString(w.count()))).toList();
        return ProjectorExport.zip(List.of(layout.vectors()), List.of("word", "count"), rows);
    }

    private Layout layout(CollectionRecord record, Params params) {
        String key = key(record, "points", params);
        Object cached = cache.get(key);
        if (cached instanceof Layout layout) {
            return layout;
        }
        long start = System.nanoTime();
        List<VectorPoint> all = collections.points(record);
        List<VectorPoint> sample = sample(all, params.maxPoints(), params.seed());
        float[][] x = sample.stream().map(VectorPoint::dense).toArray(float[][]::new);
        double perplexity = effectivePerplexity(params.perplexity(), x.length);
        double[][] xy = Tsne.project(x, perplexity, config.projection().iterations(), params.seed());
        Layout layout = new Layout(sample, xy, all.size(), sample.size() < all.size(), perplexity);
        LOG.infof("Projected %d of %d items of collection %s in %d ms", sample.size(), all.size(), record.name(),
                (System.nanoTime() - start) / 1_000_000);
        cache.put(key, layout);
        return layout;
    }

    private WordLayout wordLayout(CollectionRecord record, WordParams params) {
        String key = key(record, "words", params);
        Object cached = cache.get(key);
        if (cached instanceof WordLayout layout) {
            return layout;
        }
        List<String> texts = collections.points(record).stream()
                .map(p -> p.payload().get(CollectionService.TEXT)).toList();
        List<WordCount> words = WordCounts.top(texts, params.words(), params.minCount());
        float[][] vectors = words.isEmpty() ? new float[0][]
                : collections.embedder().embedQueries(words.stream().map(WordCount::word).toList());
        double[][] xy = Tsne.project(vectors, effectivePerplexity(params.perplexity(), vectors.length),
                config.projection().iterations(), params.seed());
        WordLayout layout = new WordLayout(words, vectors, xy);
        cache.put(key, layout);
        return layout;
    }

    /** Every point in item-id order, or {@code max} of them drawn with the seed (then in id order). */
    static List<VectorPoint> sample(List<VectorPoint> points, int max, long seed) {
        List<VectorPoint> sorted = new ArrayList<>(points);
        sorted.removeIf(p -> p.dense() == null);
        sorted.sort(Comparator.comparing(p -> p.payload().get(CollectionService.ITEM_ID)));
        if (sorted.size() <= max) {
            return sorted;
        }
        Collections.shuffle(sorted, new Random(seed));
        List<VectorPoint> sample = new ArrayList<>(sorted.subList(0, max));
        sample.sort(Comparator.comparing(p -> p.payload().get(CollectionService.ITEM_ID)));
        return sample;
    }

    /** t-SNE needs perplexity below a third of the points; the answer says what was used. */
    static double effectivePerplexity(double asked, int n) {
        return n < 4 ? asked : Math.max(1.0, Math.min(asked, (n - 1) / 3.0));
    }

    private Params params(ProjectionRequest request) {
        int max = config.projection().maxPoints();
        int maxPoints = request == null || request.maxPoints() == null ? max : request.maxPoints();
        if (maxPoints > max) {
            throw CollectionProblems.limit("max_points", "max_points is " + maxPoints + "; at most " + max,
                    CollectionsConfig.PREFIX + "projection.max-points", max);
        }
        if (maxPoints < 2) {
            throw CollectionProblems.invalid("max_points", "max_points must be at least 2");
        }
        return new Params(maxPoints, perplexity(request == null ? null : request.perplexity(), 30),
                request == null || request.seed() == null ? 42 : request.seed());
    }

    private WordParams wordParams(WordMapRequest request) {
        int max = config.wordMap().maxWords();
        int words = request == null || request.words() == null ? Math.min(200, max) : request.words();
        if (words > max) {
            throw CollectionProblems.limit("words", "words is " + words + "; at most " + max,
                    CollectionsConfig.PREFIX + "word-map.max-words", max);
        }
        if (words < 1) {
            throw CollectionProblems.invalid("words", "words must be at least 1");
        }
        int minCount = request == null || request.minCount() == null ? 2 : request.minCount();
        if (minCount < 1) {
            throw CollectionProblems.invalid("min_count", "min_count must be at least 1");
        }
        return new WordParams(words, minCount, perplexity(request == null ? null : request.perplexity(), 15),
                request == null || request.seed() == null ? 42 : request.seed());
    }

    private static double perplexity(Double asked, double fallback) {
        double value = asked == null ? fallback : asked;
        if (!(value >= 1 && value <= MAX_PERPLEXITY)) {
            throw CollectionProblems.invalid("perplexity", "perplexity must be from 1 to " + (int) MAX_PERPLEXITY);
        }
        return value;
    }

    private static String key(CollectionRecord record, String kind, Record params) {
        return record.name() + '|' + record.createdAt() + '|' + record.version() + '|' + kind + '|' + params;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
