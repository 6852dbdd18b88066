package ai.datasuite.retrieval.model;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.datasuite.problem.ProblemException;

/** The 400 problem of a bad request field: extension {@code field}, and {@code allowed} when the values are few. */
final class ModelRequests {

    private ModelRequests() {
    }

    static ProblemException field(String name, String detail) {
        return field(name, detail, null);
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
