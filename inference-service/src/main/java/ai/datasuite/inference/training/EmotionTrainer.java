package ai.datasuite.inference.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.datasuite.inference.EmotionLabels;
import ai.datasuite.inference.config.TrainingConfig;

/**
 * Trains a new version of the built-in emotion model's head on GoEmotions train.tsv plus extra labelled texts (the
 * annotators' labelled comments), assembles it as the next version folder, evaluates the assembled model on dev.tsv and
 * reports its metrics beside the current version's. It does not promote: the caller decides.
 */
@ApplicationScoped
class EmotionTrainer {

    /** The new version, its dev metrics, and the version that was current with its metrics (null when unknown). */
    public record Result(String version, Path folder, Metrics metrics, String currentVersion, Metrics currentMetrics,
            int trainRows, int extraRows, Duration took) {
    }

    private record Assembled(String version, Path folder, Metrics metrics) {
    }

    private final Path datasetDir;
    private final int maxTrainRows;
    private final int maxDevRows;
    private final int threads;
    private final BuiltinEmotionModel models;
    private final HeadTrainer.Options options;

    @Inject
    public EmotionTrainer(TrainingConfig config, BuiltinEmotionModel models) {
        this(config.goemotionsPath(), config.maxTrainRows(), config.maxDevRows(), config.intraOpThreads(), models,
                HeadTrainer.Options.DEFAULT);
    }

    public EmotionTrainer(Path datasetDir, int maxTrainRows, int maxDevRows, int threads, BuiltinEmotionModel models,
            HeadTrainer.Options options) {
        this.datasetDir = datasetDir;
        this.maxTrainRows = maxTrainRows;
        this.maxDevRows = maxDevRows;
        this.threads = threads;
        this.models = models;
        this.options = options;
    }

    /** Trains, assembles and evaluates the next version; one run at a time. */
    public synchronized Result train(List<LabelledText> extra, Consumer<String> progress) {
        long started = System.nanoTime();
        Consumer<String> log = progress == null ? s -> { } : progress;
        for (LabelledText t : extra) {
            if (t.text() == null || t.text().isBlank() || EmotionLabels.indexOf(t.label()) < 0) {
                throw new IllegalArgumentException("extra training rows need a text and one of " + EmotionLabels.ALL + ": " + t);
            }
        }
        try {
            GoEmotions data = new GoEmotions(datasetDir);
            List<GoEmotions.Row> train = cap(data.read("train"), maxTrainRows);
            List<GoEmotions.Row> dev = cap(data.read("dev"), maxDevRows);
            EmotionHead head = trainHead(train, extra, models.cacheDir(), threads, options, log);
            String current = models.currentVersion();
            Metrics currentMetrics = currentMetrics(models.versionFolder(current), dev, log);
            // Under the folder's lock: another process's startup must not take our temporary folder for a leftover.
            Assembled assembled = models.exclusive(() -> {
                String next = models.nextVersion();
                Path target = models.versionFolder(next);
                log.accept("assembling " + next + " and evaluating it on " + dev.size() + " dev rows");
                return new Assembled(next, target, EmotionModelFolder.assemble(target, head, dir -> {
                    Metrics m = evaluate(dir, dev, threads);
                    EmotionModelFolder.writeMetrics(dir, m);
                    return m;
                }));
            });
            String version = assembled.version();
            Path folder = assembled.folder();
            Metrics metrics = assembled.metrics();
            log.accept(version + " dev " + metrics + "; current " + current + " dev " + currentMetrics);
            return new Result(version, folder, metrics, current, currentMetrics, train.size(), extra.size(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("emotion model training failed", e);
        }
    }

    /**
     * The head for {@code train} plus {@code extra}: e5 features of the dataset rows come from (or go to) the cache in
     * {@code cacheDir}, the extra texts are embedded on each run.
     */
    public static EmotionHead trainHead(List<GoEmotions.Row> train, List<LabelledText> extra, Path cacheDir, int threads,
            HeadTrainer.Options options, Consumer<String> log) throws IOException {
        List<HeadTrainer.Example> examples = new ArrayList<>(train.size() + extra.size());
        try (E5Encoder encoder = new E5Encoder(threads)) {
            List<String> texts = train.stream().map(GoEmotions.Row::text).toList();
            log.accept("embedding " + texts.size() + " training texts (cached after the first run)");
            float[][] emb = new EmbeddingCache(cacheDir).embeddings("train", texts, encoder, every(log, texts.size(), "embedded"));
            for (int i = 0; i < train.size(); i++) {
                GoEmotions.Row r = train.get(i);
                examples.add(new HeadTrainer.Example(r.id(), encoder.tokenize(r.text()), emb[i], r.label()));
            }
            if (!extra.isEmpty()) {
                List<String> extraTexts = extra.stream().map(LabelledText::text).toList();
                log.accept("embedding " + extra.size() + " extra labelled texts");
                float[][] extraEmb = encoder.embed(encoder.tokenize(extraTexts), 32, null);
                for (int i = 0; i < extra.size(); i++) {
                    int label = EmotionLabels.indexOf(extra.get(i).label());
                    if (label < 0) {
                        throw new IllegalArgumentException("not an emotion label: " + extra.get(i).label());
                    }
                    examples.add(new HeadTrainer.Example("extra-" + i, encoder.tokenize(extraTexts.get(i)), extraEmb[i], label));
                }
            }
        }
        log.accept("training the head on " + examples.size() + " rows (" + options + ")");
        return new HeadTrainer(options).train(examples, log);
    }

    /**
     * The current version's dev metrics on the same rows the new version is measured on: its metrics.json when that
     * covered the same number of rows (the full dev set, normally), else measured now (capped test runs).
     */
    private Metrics currentMetrics(Path folder, List<GoEmotions.Row> dev, Consumer<String> log) throws IOException {
        if (!EmotionModelFolder.isComplete(folder)) {
            return null;
        }
        Metrics recorded = EmotionModelFolder.readMetrics(folder);
        if (recorded != null && recorded.n() == dev.size()) {
            return recorded;
        }
        log.accept("evaluating the current version on the same " + dev.size() + " dev rows");
        return evaluate(folder, dev, threads);
    }

    /** Metrics of the assembled model folder on {@code rows}, computed by the serving code path. */
    public static Metrics evaluate(Path folder, List<GoEmotions.Row> rows, int threads) throws IOException {
        return ModelEvaluator.evaluateServed(folder, rows, threads);
    }

    static <T> List<T> cap(List<T> rows, int max) {
        return max > 0 && rows.size() > max ? rows.subList(0, max) : rows;
    }

    private static java.util.function.IntConsumer every(Consumer<String> log, int total, String what) {
        int step = Math.max(1000, total / 10);
        int[] next = {step};
        return done -> {
            if (done >= next[0] || done == total) {
                log.accept(what + " " + done + "/" + total);
                next[0] = done + step;
            }
        };
    }
}
