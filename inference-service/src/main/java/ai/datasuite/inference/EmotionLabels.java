package ai.datasuite.inference;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.datasuite.problem.ProblemException;

/**
 * The seven labels: the only ones comments carry (metadata-service accepts no other), and the built-in emotion
 * model's outputs in this order (index 0..6 of its {@code logits}).
 */
public final class EmotionLabels {

    public static final List<String> ALL = List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise");

    private EmotionLabels() {
    }

    public static boolean isLabel(String value) {
        return value != null && ALL.contains(value);
    }

    public static int count() {
        return ALL.size();
    }

    /** Index of {@code label} (case-insensitive), or -1 when it is not one of the seven. */
    public static int indexOf(String label) {
        return label == null ? -1 : ALL.indexOf(label.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code value} unchanged when it is one of the seven, else a 400 naming the field and listing the seven. */
    public static String require(String field, String value) {
        if (!isLabel(value)) {
            throw ProblemException.validation(field + " must be one of " + String.join(", ", ALL)
                            + (value == null ? "" : " (lower case), not '" + value + "'"),
                    Map.of("allowed", ALL));
        }
        return value;
    }
}
