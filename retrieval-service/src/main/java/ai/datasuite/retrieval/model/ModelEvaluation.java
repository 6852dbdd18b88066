package ai.datasuite.retrieval.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.retrieval.config.ModelsConfig;
import ai.datasuite.retrieval.dataset.DatasetSource;
import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.retrieval.dataset.QaRow;

/**
 * How good and how fast a saved model is: {@code quality_test} ranks every question's own context (accuracy,
 * recall@1/5/10, MRR@10, nDCG@10) and {@code benchmark} times searches of random questions (loading the model on
 * demand).
 * <p>
 * Models are shared, so anyone may test one: the model's own dataset is read on the model's behalf
 * ({@link DatasetSource#getForModel}), since the answers are figures, never rows; another {@code dataset_id} must be
 * one the caller may see.
 */
@ApplicationScoped
public class ModelEvaluation {

    private static final int QUALITY_K = 10;
    static final String MAX_N = "retrieval.models.benchmark.max-n";
    static final String MAX_QUESTIONS = "retrieval.models.quality.max-questions";

    private final ModelRegistry registry;
    private final DatasetSource datasets;
    private final ModelsConfig config;

    public ModelEvaluation(ModelRegistry registry, DatasetSource datasets, ModelsConfig config) {
        this.registry = registry;
        this.datasets = datasets;
        this.config = config;
    }

    public QualityReport qualityTest(QualityTestRequest request) {
        if (request == null) {
            throw ModelRequests.field("body", "A JSON body with model_id is required");
        }
        if (request.sample() != null && request.sample() < 1) {
            throw ModelRequests.field("sample", "sample must be at least 1 (got " + request.sample() + ")");
        }
        if (request.datasetId() != null && request.datasetId().isBlank()) {
            throw ModelRequests.field("dataset_id", "dataset_id must not be blank when given");
        }
        ModelRegistry.Loaded model = registry.ready(request.modelId()).model();
        QaDataset dataset = request.datasetId() == null ? datasets.getForModel(model.meta().datasetId())
                : datasets.get(request.datasetId());
        long start = System.nanoTime();
        List<QaRow> rows = dataset.rows();
        boolean sampled = request.sample() != null && request.sample() < rows.size();
        int asked = sampled ? request.sample() : rows.size();
        if (asked > config.quality().maxQuestions()) {
            throw ModelRequests.tooMuch("The test would ask " + asked + " questions; at most "
                    + config.quality().maxQuestions() + " per quality_test: give a sample of at most that many",
                    MAX_QUESTIONS, config.quality().maxQuestions(), asked);
        }
        if (sampled) {
            List<QaRow> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, new Random(config.quality().seed()));
            rows = shuffled.subList(0, request.sample());
        }
        Map<String, Integer> contextIds = new HashMap<>();
        for (int i = 0; i < model.contexts().size(); i++) {
            contextIds.putIfAbsent(model.contexts().get(i), i);
        }
        Metrics metrics = new Metrics();
        for (QaRow row : rows) {
            Integer relevant = contextIds.get(row.context());
            if (relevant == null) {
                metrics.unindexed++;
                metrics.add(0);
                continue;
            }
            List<RetrievalModel.Hit> hits = model.model().search(row.question(), QUALITY_K);
            int rank = 0;
            for (int i = 0; i < hits.size(); i++) {
                if (hits.get(i).contextId() == relevant) {
                    rank = i + 1;
                    break;
                }
            }
            metrics.add(rank);
        }
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        int n = rows.size();
        return new QualityReport(model.meta().modelId(), dataset.id(), n, request.sample(),
                sampled ? config.quality().seed() : null, metrics.mean(metrics.at1, n), metrics.mean(metrics.at1, n),
                metrics.mean(metrics.at5, n), metrics.mean(metrics.at10, n), metrics.mrr / Math.max(1, n),
                metrics.ndcg / Math.max(1, n), metrics.unindexed, tookMillis);
    }

    public BenchmarkReport benchmark(BenchmarkRequest request) {
        if (request == null) {
            throw ModelRequests.field("body", "A JSON body with model_id is required");
        }
        int n = request.n() == null ? config.benchmark().defaultN() : request.n();
        if (n < 1) {
            throw ModelRequests.field("n", "n must be from 1 to " + config.benchmark().maxN() + " (got " + n + ")");
        }
        if (n > config.benchmark().maxN()) {
            throw ModelRequests.limit("n", "n must be from 1 to " + config.benchmark().maxN() + " (got " + n
                    + "); run several benchmarks for more", MAX_N, config.benchmark().maxN());
        }
        ModelRegistry.Ready ready = registry.ready(request.modelId());
        ModelRegistry.Loaded model = ready.model();
        List<QaRow> rows = datasets.getForModel(model.meta().datasetId()).rows();
        Random random = new Random(config.benchmark().seed());
        int topK = config.benchmark().topK();
        for (int i = 0; i < config.benchmark().warmup(); i++) {
            model.model().search(rows.get(random.nextInt(rows.size())).question(), topK);
        }
        double[] millis = new double[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String question = rows.get(random.nextInt(rows.size())).question();
            long t = System.nanoTime();
            model.model().search(question, topK);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(millis);
        return new BenchmarkReport(model.meta().modelId(), n, topK, Arrays.stream(millis).average().orElse(0),
                percentile(millis, 0.50), percentile(millis, 0.95), percentile(millis, 0.99), millis[n - 1],
                n / totalSeconds, model.loadMillis(), ready.loadedNow());
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Binary-relevance metrics with one relevant context per question; {@code rank} 0 means not in the top 10. */
    private static final class Metrics {
        int at1;
        int at5;
        int at10;
        double mrr;
        double ndcg;
        int unindexed;

        void add(int rank) {
            if (rank == 0) {
                return;
            }
            at1 += rank <= 1 ? 1 : 0;
            at5 += rank <= 5 ? 1 : 0;
            at10 += rank <= 10 ? 1 : 0;
            mrr += 1.0 / rank;
            // DCG of one relevant document at this rank; the ideal DCG is 1 (it at rank 1).
            ndcg += 1.0 / (Math.log(rank + 1) / Math.log(2));
        }

        double mean(int count, int n) {
            return n == 0 ? 0 : (double) count / n;
        }
    }
}
