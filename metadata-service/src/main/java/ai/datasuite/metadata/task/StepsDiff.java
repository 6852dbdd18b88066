package ai.datasuite.metadata.task;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line diff of two step lists by their longest common subsequence. */
public final class StepsDiff {

    public static final String UNCHANGED = "unchanged";
    public static final String ADDED = "added";
    public static final String REMOVED = "removed";

    private StepsDiff() {
    }

    /** One line of the diff. */
    @Schema(name = "StepsDiffLine")
    public record Line(
            @Schema(enumeration = {UNCHANGED, ADDED, REMOVED}) String op,
            String step) {
    }

    /**
     * The steps of {@code after} in order, with those of {@code before} that are gone marked removed at the place they
     * stood (a removal before the addition that replaces it).
     */
    public static List<Line> of(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        // common[i][j] = length of the LCS of before[i..] and after[j..].
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>(n + m);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (before.get(i).equals(after.get(j))) {
                lines.add(new Line(UNCHANGED, after.get(j)));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(REMOVED, before.get(i++)));
            } else {
                lines.add(new Line(ADDED, after.get(j++)));
            }
        }
        while (i < n) {
            lines.add(new Line(REMOVED, before.get(i++)));
        }
        while (j < m) {
            lines.add(new Line(ADDED, after.get(j++)));
        }
        return lines;
    }
}
