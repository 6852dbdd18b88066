package ai.datasuite.ingest.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one bound every file's {@code details} pass through, whatever analyzer filled them: each string is cut to
 * {@code ingest.details.max-value-chars}, each list and map to {@code ingest.details.max-items}, and everything
 * together to {@code ingest.details.max-total-chars} (counted roughly as JSON). The details are stored with the
 * record and returned by every read and listing, so a hostile file must not be able to make them large.
 */
final class DetailsBound {

    /** Top-level flag set when anything was cut or left out (an analyzer may also set it itself). */
    static final String TRUNCATED = "truncated";
    /** Room kept for the note that says the details were shortened. */
    private static final int NOTE_RESERVE = 200;

    /** Details and notes as they will be stored. */
    record Bounded(Map<String, Object> details, List<String> notes) {
    }

    private final AnalysisLimits.Details limits;
    private long budget;
    private boolean cut;

    private DetailsBound(AnalysisLimits.Details limits) {
        this.limits = limits;
        this.budget = Math.max(0, limits.maxTotalChars() - NOTE_RESERVE);
    }

    /** Bounds the notes first (they tell the uploader what happened), then the details in what is left. */
    static Bounded apply(Map<String, Object> details, List<String> notes, AnalysisLimits.Details limits) {
        DetailsBound bound = new DetailsBound(limits);
        List<String> keptNotes = new ArrayList<>();
        for (Object note : bound.list(notes)) {
            keptNotes.add((String) note);
        }
        Map<String, Object> kept = bound.map(details);
        if (bound.cut || Boolean.TRUE.equals(details.get(TRUNCATED))) {
            kept.put(TRUNCATED, true);
        }
        if (bound.cut) {
            keptNotes.add("Some details were shortened or left out (limits ingest.details.max-value-chars, "
                    + "ingest.details.max-items, ingest.details.max-total-chars).");
        }
        return new Bounded(kept, keptNotes);
    }

    private Map<String, Object> map(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (copy.size() >= limits.maxItems()) {
                cut = true;
                break;
            }
            String key = clip(String.valueOf(entry.getKey()));
            if (!spend(key.length() + 4)) {
                break;
            }
            Object value = value(entry.getValue());
            if (value == null && entry.getValue() != null) {
                break; // the value did not fit at all
            }
            copy.put(key, value);
        }
        return copy;
    }

    private List<Object> list(Collection<?> items) {
        List<Object> copy = new ArrayList<>();
        for (Object item : items) {
            if (copy.size() >= limits.maxItems()) {
                cut = true;
                break;
            }
            Object value = value(item);
            if (value == null && item != null) {
                break;
            }
            copy.add(value);
        }
        return copy;
    }

    /** A bounded copy of one value, or null when not even a shortened one fits the budget. */
    private Object value(Object value) {
        if (value == null) {
            spend(4);
            return null;
        } else if (value instanceof Number || value instanceof Boolean) {
            return spend(value.toString().length() + 1) ? value : null;
        } else if (value instanceof Map<?, ?> map) {
            return spend(2) ? map(map) : null;
        } else if (value instanceof Collection<?> items) {
            return spend(2) ? list(items) : null;
        }
        String text = clip(value.toString());
        if (spend(text.length() + 3)) {
            return text;
        }
        return null;
    }

    private String clip(String text) {
        if (text.length() <= limits.maxValueChars()) {
            return text;
        }
        cut = true;
        return text.substring(0, limits.maxValueChars() - 1) + "…";
    }

    private boolean spend(int chars) {
        if (budget < chars) {
            budget = 0;
            cut = true;
            return false;
        }
        budget -= chars;
        return true;
    }
}
