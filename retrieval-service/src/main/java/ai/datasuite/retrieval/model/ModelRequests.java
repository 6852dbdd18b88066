package ai.datasuite.retrieval.model;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.datasuite.problem.ProblemException;

/**
 * The 400 problem of a bad request field (extension {@code field}, and {@code allowed} when the values are few), and
 * the problems of work above a configured limit (extensions {@code limit}, the configuration key, and {@code max}).
 */
final class ModelRequests {

    private ModelRequests() {
    }

    static ProblemException field(String name, String detail) {
        return field(name, detail, null);
    }

    /**
     * A 400 for a value above a configured limit: names the field, the limit's configuration key (in the detail and
     * as extension {@code limit}) and {@code max}.
     */
    static ProblemException limit(String name, String detail, String key, int max) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("field", name);
        extensions.put("limit", key);
        extensions.put("max", max);
        return ProblemException.validation(detail + " (" + key + ")", extensions);
    }

    /** A 413 for work larger than a configured limit: what to do in {@code detail}, the key as {@code limit}. */
    static ProblemException tooMuch(String detail, String key, int max, int asked) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limit", key);
        extensions.put("max", max);
        extensions.put("requested", asked);
        return new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Too much work for one request",
                detail + " (" + key + ")", extensions);
    }

    static ProblemException field(String name, String detail, Object allowed) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("field", name);
        if (allowed != null) {
            extensions.put("allowed", allowed);
        }
        return ProblemException.validation(detail, extensions);
    }
}
