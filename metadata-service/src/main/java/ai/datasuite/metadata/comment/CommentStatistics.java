package ai.datasuite.metadata.comment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.datasuite.metadata.comment.CommentStatsView.Confusion;
import ai.datasuite.metadata.comment.CommentStatsView.DayCount;
import ai.datasuite.metadata.comment.CommentStatsView.LabelScores;

/**
 * Turns the database's aggregates (counts per status x predicted label x true label, and per day) into the stats
 * answer. Only these few grouped rows are in memory, never the comments themselves.
 */
final class CommentStatistics {

    /** One group of the GROUP BY: its status, labels (null when absent), row count, score sum and score count. */
    record Group(String status, String predicted, String trueLabel, long count, double scoreSum, long scoreCount) {
    }

    private CommentStatistics() {
    }

    static CommentStatsView compute(List<Group> groups, List<DayCount> days) {
        List<String> labels = Comment.LABELS;
        int n = labels.size();
        long total = 0;
        long predicted = 0;
        long labelled = 0;
        long pending = 0;
        long failed = 0;
        double scoreSum = 0;
        long scoreCount = 0;
        Map<String, Long> perPredicted = zeros(labels);
        Map<String, Long> perTrue = zeros(labels);
        long[][] matrix = new long[n][n];
        for (Group g : groups) {
            total += g.count();
            switch (g.status()) {
                case Comment.STATUS_PREDICTED -> predicted += g.count();
                case Comment.STATUS_FAILED -> failed += g.count();
                default -> pending += g.count();
            }
            if (g.predicted() != null) {
                perPredicted.merge(g.predicted(), g.count(), Long::sum);
                scoreSum += g.scoreSum();
                scoreCount += g.scoreCount();
            }
            if (g.trueLabel() != null) {
                labelled += g.count();
                perTrue.merge(g.trueLabel(), g.count(), Long::sum);
            }
            if (g.trueLabel() != null && g.predicted() != null) {
                matrix[labels.indexOf(g.trueLabel())][labels.indexOf(g.predicted())] += g.count();
            }
        }
        long evaluated = 0;
        long correct = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                evaluated += matrix[i][j];
            }
            correct += matrix[i][i];
        }
        Map<String, LabelScores> perLabel = new LinkedHashMap<>();
        double f1Sum = 0;
        int present = 0;
        for (int k = 0; k < n; k++) {
            long truePositives = matrix[k][k];
            long support = 0;
            long predictedAs = 0;
            for (int i = 0; i < n; i++) {
                support += matrix[k][i];
                predictedAs += matrix[i][k];
            }
            double precision = ratio(truePositives, predictedAs);
            double recall = ratio(truePositives, support);
            double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
            perLabel.put(labels.get(k), new LabelScores(precision, recall, f1, support));
            if (support > 0 || predictedAs > 0) {
                f1Sum += f1;
                present++;
            }
        }
        return new CommentStatsView(total, predicted, labelled, pending, failed, perPredicted, perTrue,
                scoreCount == 0 ? null : scoreSum / scoreCount,
                evaluated == 0 ? null : (double) correct / evaluated,
                evaluated,
                perLabel,
                present == 0 ? null : f1Sum / present,
                new Confusion(labels, matrix),
                days);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    private static Map<String, Long> zeros(List<String> labels) {
        Map<String, Long> counts = new LinkedHashMap<>();
        labels.forEach(label -> counts.put(label, 0L));
        return counts;
    }
}
