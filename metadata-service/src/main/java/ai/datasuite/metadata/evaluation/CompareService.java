package ai.datasuite.metadata.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Compares two runs on the tasks finished in both (an error counts as wrong): which flipped right→wrong and
 * wrong→right, the outcomes per level, and which flipped tasks had their steps edited between the runs.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CompareService {

    private final EvaluationService runs;
    private final EvaluationResultRepository results;

    public CompareService(EvaluationService runs, EvaluationResultRepository results) {
        this.runs = runs;
        this.results = results;
    }

    public CompareView compare(String aId, String bId) {
        Evaluation a = runs.find(aId, LockModeType.NONE).orElseThrow(() -> EvaluationResultService.notFound(aId));
        Evaluation b = runs.find(bId, LockModeType.NONE).orElseThrow(() -> EvaluationResultService.notFound(bId));
        List<CompareView.Flip> rightToWrong = new ArrayList<>();
        List<CompareView.Flip> wrongToRight = new ArrayList<>();
        Map<Integer, long[]> levels = new TreeMap<>();
        List<Object[]> common = results.finishedInBoth(a.getId(), b.getId());
        long flippedEdited = 0;
        for (Object[] row : common) {
            int level = ((Number) row[1]).intValue();
            boolean rightA = Boolean.TRUE.equals(row[3]);
            boolean rightB = Boolean.TRUE.equals(row[5]);
            Integer versionA = row[4] == null ? null : ((Number) row[4]).intValue();
            Integer versionB = row[6] == null ? null : ((Number) row[6]).intValue();
            // [right→wrong, wrong→right, stayed right, stayed wrong]
            long[] counts = levels.computeIfAbsent(level, k -> new long[4]);
            counts[rightA ? (rightB ? 2 : 0) : (rightB ? 1 : 3)]++;
            if (rightA == rightB) {
                continue;
            }
            boolean edited = versionA != null && versionB != null && !Objects.equals(versionA, versionB);
            CompareView.Flip flip = new CompareView.Flip((String) row[0], level, (String) row[2], edited, versionA,
                    versionB);
            (rightA ? rightToWrong : wrongToRight).add(flip);
            flippedEdited += edited ? 1 : 0;
        }
        List<CompareView.LevelFlips> byLevel = levels.entrySet().stream()
                .map(e -> new CompareView.LevelFlips(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3])).toList();
        return new CompareView(summary(a), summary(b), common.size(), rightToWrong, wrongToRight, byLevel,
                flippedEdited);
    }

    private CompareView.RunSummary summary(Evaluation run) {
        Tally t = results.aggregates(run.getId()).overall;
        return new CompareView.RunSummary(run.getId(), run.getModel(), run.getCreatedAt(), t.done, t.correct,
                t.accuracy());
    }
}
