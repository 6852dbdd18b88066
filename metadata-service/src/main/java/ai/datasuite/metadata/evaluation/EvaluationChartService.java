package ai.datasuite.metadata.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.config.MetadataConfig;

/** The numbers behind the evaluation charts; {@link EvaluationCharts} draws them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EvaluationChartService {

    private final EvaluationService runs;
    private final EvaluationResultRepository results;
    private final CompareService compare;
    private final MetadataConfig.Evaluations limits;

    public EvaluationChartService(EvaluationService runs, EvaluationResultRepository results, CompareService compare,
                                  MetadataConfig config) {
        this.runs = runs;
        this.results = results;
        this.compare = compare;
        this.limits = config.evaluations();
    }

    /** {@code runs} is a comma-separated list of run ids, at most metadata.evaluations.max-chart-runs. */
    public ChartViews.Accuracy accuracy(String runIds) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (runIds != null) {
            for (String id : runIds.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }
        }
        if (ids.isEmpty()) {
            throw InvalidField.problem("runs", "must name at least one run id (runs=id1,id2)");
        }
        if (ids.size() > limits.maxChartRuns()) {
            throw InvalidField.problem("runs", "must name at most " + limits.maxChartRuns()
                    + " runs (metadata.evaluations.max-chart-runs)");
        }
        List<Evaluation> found = new ArrayList<>();
        for (String id : ids) {
            found.add(runs.find(id, LockModeType.NONE).orElseThrow(() -> EvaluationResultService.notFound(id)));
        }
        Map<String, Aggregates> counts = results.aggregates(found.stream().map(Evaluation::getId).toList());
        TreeSet<Integer> levels = new TreeSet<>();
        List<ChartViews.RunAccuracy> out = new ArrayList<>();
        for (Evaluation run : found) {
            Aggregates a = counts.getOrDefault(run.getId(), new Aggregates());
            levels.addAll(a.byLevel.keySet());
            List<ChartViews.LevelAccuracy> byLevel = a.byLevel.entrySet().stream()
                    .map(e -> new ChartViews.LevelAccuracy(e.getKey(), e.getValue().done, e.getValue().correct,
                            e.getValue().accuracy())).toList();
            out.add(new ChartViews.RunAccuracy(run.getId(), run.getModel(), run.getCreatedAt(), a.overall.done,
                    a.overall.correct, a.overall.accuracy(), byLevel));
        }
        return new ChartViews.Accuracy(List.copyOf(levels), out);
    }

    /** A histogram of {@code bins} equal-width bins from the smallest to the largest latency. */
    public ChartViews.Latency latency(String id, int bins) {
        Evaluation run = runs.find(id, LockModeType.NONE).orElseThrow(() -> EvaluationResultService.notFound(id));
        List<Long> latencies = results.latencies(run.getId());
        if (latencies.isEmpty()) {
            return new ChartViews.Latency(run.getId(), 0, null, null, null, List.of());
        }
        long min = latencies.get(0);
        long max = latencies.get(latencies.size() - 1);
        // floor(d / bins) + 1 makes bins * width > max - min: every latency falls in a half-open bin.
        long width = (max - min) / bins + 1;
        long[] counts = new long[bins];
        for (long latency : latencies) {
            counts[(int) Math.min(bins - 1, (latency - min) / width)]++;
        }
        List<ChartViews.LatencyBin> out = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            long from = min + i * width;
            out.add(new ChartViews.LatencyBin(from, from + width, counts[i]));
        }
        return new ChartViews.Latency(run.getId(), latencies.size(), min, latencies.get((latencies.size() - 1) / 2),
                max, out);
    }

    public ChartViews.Flips flips(String a, String b) {
        CompareView view = compare.compare(a, b);
        return new ChartViews.Flips(view.a().id(), view.b().id(), view.commonTasks(), view.byLevel());
    }
}
