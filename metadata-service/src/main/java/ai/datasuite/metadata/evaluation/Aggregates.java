package ai.datasuite.metadata.evaluation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One run's counts: overall, per level and per file type (from GROUP BY queries, never row by row). */
final class Aggregates {

    final Tally overall = new Tally();
    final Map<Integer, Tally> byLevel = new TreeMap<>();
    final Map<String, Tally> byFileType = new TreeMap<>();

    List<BreakdownView> levelViews() {
        return byLevel.entrySet().stream().map(e -> BreakdownView.of(Integer.toString(e.getKey()), e.getValue()))
                .toList();
    }

    List<BreakdownView> fileTypeViews() {
        return byFileType.entrySet().stream().map(e -> BreakdownView.of(e.getKey(), e.getValue())).toList();
    }
}
