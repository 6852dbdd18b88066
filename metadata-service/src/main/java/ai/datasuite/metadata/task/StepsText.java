package ai.datasuite.metadata.task;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A task's steps as the text the task carries ("1. Open the file\n2. Sum the column") and as a list. */
public final class StepsText {

    // "1." or "12)" with the space after it: the numbering GAIA's annotators and this service write.
    private static final Pattern NUMBERING = Pattern.compile("^\\d+\\s*[.)]\\s*");

    private StepsText() {
    }

    /** One step a non-blank line, with a leading {@code N.}/{@code N)} numbering dropped; null gives no steps. */
    public static List<String> parse(String text) {
        List<String> steps = new ArrayList<>();
        if (text == null) {
            return steps;
        }
        for (String line : text.split("\\R")) {
            String step = NUMBERING.matcher(line.strip()).replaceFirst("").strip();
            if (!step.isEmpty()) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** The numbered lines the task's {@code steps} field holds; no steps give null, as an import without steps. */
    public static String format(List<String> steps) {
        if (steps.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(i + 1).append(". ").append(steps.get(i));
        }
        return text.toString();
    }
}
