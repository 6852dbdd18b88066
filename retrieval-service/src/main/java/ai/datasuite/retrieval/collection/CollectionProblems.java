package ai.datasuite.retrieval.collection;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.datasuite.problem.ProblemException;

/** The problems of collections, in the module's shapes: {@code field}, and for limits {@code limit} (the key) and max. */
public final class CollectionProblems {

    private CollectionProblems() {
    }

    public static ProblemException invalid(String field, String detail) {
        return ProblemException.validation(detail, Map.of("field", field));
    }

    /** A 400 for a value above a configured limit, naming the field and the key. */
    public static ProblemException limit(String field, String detail, String key, long max) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("field", field);
        extensions.put("limit", key);
        extensions.put("max", max);
        return ProblemException.validation(detail + " (" + key + ")", extensions);
    }

    /** A 413 for a request larger than a configured limit, naming the key. */
    public static ProblemException tooMuch(String detail, String key, long max, long requested) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limit", key);
        extensions.put("max", max);
        extensions.put("requested", requested);
        return new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Payload too large",
                detail + " (" + key + ")", extensions);
    }

    public static ProblemException noCollection(String name) {
        return ProblemException.notFound("There is no collection '" + name + "' of yours");
    }
}
