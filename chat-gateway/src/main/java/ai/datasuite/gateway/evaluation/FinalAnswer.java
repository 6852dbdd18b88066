package ai.datasuite.gateway.evaluation;

/** GAIA's answer template: the final answer is what follows the last {@code FINAL ANSWER:} of the model's text. */
public final class FinalAnswer {

    static final String MARKER = "final answer:";

    private FinalAnswer() {
    }

    /** The text after the last {@code FINAL ANSWER:} (any case), trimmed; null without one (scored as "None"). */
    public static String extract(String raw) {
        if (raw == null) {
            return null;
        }
        // Lower-casing may change a string's length for a few characters; search case-insensitively in place.
        int at = -1;
        for (int i = raw.length() - MARKER.length(); i >= 0; i--) {
            if (raw.regionMatches(true, i, MARKER, 0, MARKER.length())) {
                at = i;
                break;
            }
        }
        return at < 0 ? null : raw.substring(at + MARKER.length()).strip();
    }
}
