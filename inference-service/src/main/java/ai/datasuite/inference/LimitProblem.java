package ai.datasuite.inference;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.datasuite.problem.ProblemException;

/**
 * A request over a configured limit: 400 (one value too large) or 413 (too much in one request). The detail and the
 * {@code limit} member name the configuration key, so an operator knows what to raise and a caller what to send.
 */
public final class LimitProblem {

    private LimitProblem() {
    }

    /** 400: {@code detail} says what was too large; the key and its value are appended. */
    public static ProblemException invalid(String detail, String key, long max, Map<String, Object> extensions) {
        return build(400, ProblemException.VALIDATION, "Invalid request", detail, key, max, extensions);
    }

    /** 413: {@code detail} says what was too much; the key and its value are appended. */
    public static ProblemException tooLarge(String title, String detail, String key, long max,
                                            Map<String, Object> extensions) {
        return build(413, ProblemException.PAYLOAD_TOO_LARGE, title, detail, key, max, extensions);
    }

    private static ProblemException build(int status, String slug, String title, String detail, String key, long max,
                                          Map<String, Object> extensions) {
        Map<String, Object> members = new LinkedHashMap<>();
        if (extensions != null) {
            members.putAll(extensions);
        }
        members.put("limit", key);
        members.put("limit_value", max);
        return new ProblemException(status, slug, title, detail + " (limit " + key + " = " + max + ")", members);
    }
}
