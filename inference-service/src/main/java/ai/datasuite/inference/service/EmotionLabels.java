package ai.datasuite.inference.service;

import java.util.List;
import java.util.Map;

/** The seven labels comments carry (metadata-service accepts no other). */
public final class EmotionLabels {

    public static final List<String> ALL = List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise");

    private EmotionLabels() {
    }

    public static boolean isLabel(String value) {
        return value != null && ALL.contains(value);
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
