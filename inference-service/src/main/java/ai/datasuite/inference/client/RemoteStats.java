package ai.datasuite.inference.client;

import java.util.List;
import java.util.Map;

/** metadata-service's comment statistics; served to callers unchanged. */
public record RemoteStats(
        long total,
        long predicted,
        long labelled,
        long pending,
        long failed,
        Map<String, Long> perPredictedLabel,
        Map<String, Long> perTrueLabel,
        Double meanScore,
        Double accuracy,
        long evaluated,
        Map<String, LabelMetrics> perLabel,
        Double macroF1,
        Confusion confusion,
        List<DayCount> volumePerDay) {

    public record LabelMetrics(Double precision, Double recall, Double f1, long support) {
    }

    /** Rows are true labels, columns predicted labels, both in the order of {@code labels}. */
    public record Confusion(List<String> labels, List<List<Long>> matrix) {
    }

    public record DayCount(String day, long count) {
    }
}
