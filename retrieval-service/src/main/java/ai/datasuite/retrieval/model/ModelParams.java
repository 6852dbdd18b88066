package ai.datasuite.retrieval.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.text.EnglishStopWords;

/**
 * Reads and checks the {@code params} of one model type: every problem is a 400 naming the parameter
 * (extension {@code param}) and what is allowed; the result holds every parameter, defaults filled in, in the order
 * they were read. JSON numbers keep their kind: {@code 2} is an integer, {@code 2.0} is not.
 */
final class ModelParams {

    private final String type;
    private final Map<String, Object> given;
    private final Map<String, Object> result = new LinkedHashMap<>();

    private ModelParams(String type, Map<String, Object> given) {
        this.type = type;
        this.given = given;
    }

    /** Starts reading {@code params} of {@code type}; a key outside {@code allowed} is rejected at once. */
    public static ModelParams of(String type, Map<String, Object> params, List<String> allowed) {
        Map<String, Object> given = params == null ? Map.of() : params;
        Set<String> unknown = new TreeSet<>(given.keySet());
        allowed.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            String name = unknown.iterator().next();
            throw problem(name, "Unknown parameter '" + name + "' for model_type " + type + "; allowed: "
                    + String.join(", ", allowed), allowed);
        }
        return new ModelParams(type, given);
    }

    /** A 400 about parameter {@code name}, with {@code allowed} (values or a range) as an extension. */
    public static ProblemException problem(String name, String detail, Object allowed) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("param", name);
        if (allowed != null) {
            extensions.put("allowed", allowed);
        }
        return ProblemException.validation(detail, extensions);
    }

    public boolean has(String name) {
        return given.containsKey(name);
    }

    /** The raw JSON value (null when absent or null). */
    public Object raw(String name) {
        return given.get(name);
    }

    /** Records a value read by the caller's own rules. */
    public ModelParams put(String name, Object value) {
        result.put(name, value);
        return this;
    }

    public boolean bool(String name, boolean fallback) {
        Object value = given.getOrDefault(name, fallback);
        if (!(value instanceof Boolean b)) {
            throw invalid(name, "must be true or false", List.of(true, false));
        }
        result.put(name, b);
        return b;
    }

    /** An integer in {@code [min, max]}. */
    public int integer(String name, int fallback, int min, int max) {
        Object value = given.getOrDefault(name, fallback);
        if (!isInteger(value) || ((Number) value).longValue() < min || ((Number) value).longValue() > max) {
            throw invalid(name, "must be an integer from " + min + " to " + max, range(min, max));
        }
        int i = ((Number) value).intValue();
        result.put(name, i);
        return i;
    }

    /** A number (integer or decimal) in {@code [min, max]}. */
    public double number(String name, double fallback, double min, double max) {
        Object value = given.getOrDefault(name, fallback);
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min
                || n.doubleValue() > max) {
            throw invalid(name, "must be a number from " + min + " to " + max, range(min, max));
        }
        double d = n.doubleValue();
        result.put(name, d);
        return d;
    }

    /** One of {@code allowed} (a string). */
    public String choice(String name, String fallback, List<String> allowed) {
        Object value = given.getOrDefault(name, fallback);
        if (!(value instanceof String s) || !allowed.contains(s)) {
            throw invalid(name, "must be one of " + String.join(", ", allowed), allowed);
        }
        result.put(name, s);
        return s;
    }

    /** {@code [min_n, max_n]} with {@code 1 <= min_n <= max_n <= limit}. */
    public int[] ngramRange(String name, int limit) {
        Object value = given.getOrDefault(name, List.of(1, 1));
        String rule = "must be [min_n, max_n] with 1 <= min_n <= max_n <= " + limit;
        if (!(value instanceof List<?> list) || list.size() != 2 || !isInteger(list.get(0))
                || !isInteger(list.get(1))) {
            throw invalid(name, rule, rule);
        }
        long min = ((Number) list.get(0)).longValue();
        long max = ((Number) list.get(1)).longValue();
        if (min < 1 || max < min || max > limit) {
            throw invalid(name, rule, rule);
        }
        result.put(name, List.of((int) min, (int) max));
        return new int[] {(int) min, (int) max};
    }

    /** {@code null} (none), {@code "english"} or a list of strings; the set of stop words. */
    public Set<String> stopWords(String name) {
        Object value = given.get(name);
        String rule = "must be null, \"english\" or a list of words";
        if (value == null) {
            result.put(name, null);
            return Set.of();
        }
        if ("english".equals(value)) {
            result.put(name, "english");
            return EnglishStopWords.WORDS;
        }
        if (value instanceof List<?> list && list.stream().allMatch(w -> w instanceof String)) {
            List<String> words = new ArrayList<>();
            list.forEach(w -> words.add((String) w));
            result.put(name, Collections.unmodifiableList(words));
            return Set.copyOf(words);
        }
        throw invalid(name, rule, rule);
    }

    /** Everything read, in order (null values kept: JSON null means scikit-learn's None). */
    public Map<String, Object> result() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }

    public ProblemException invalid(String name, String rule, Object allowed) {
        return problem(name, "Parameter '" + name + "' of model_type " + type + " " + rule + " (got "
                + describe(given.get(name)) + ")", allowed);
    }

    public static boolean isInteger(Object value) {
        // A BigInteger does not fit any parameter: it is reported as out of range.
        return value instanceof Integer || value instanceof Long || value instanceof Short;
    }

    private static Map<String, Object> range(Number min, Number max) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("min", min);
        range.put("max", max);
        return range;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
