package ai.datasuite.testsupport.openapi;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A provider's committed OpenAPI document (see {@code contracts/}), and the check that one HTTP exchange is one the
 * provider really has: the operation exists for a path template matching the concrete path, the status is documented,
 * and the JSON body fits the documented schema (see {@link SchemaCheck} for what "fits" means).
 *
 * <p>Error answers (4xx/5xx) are checked for the problem+json shape only: the status must be documented for the
 * operation (any 5xx is accepted, an outage is not part of an operation's contract), and the body must be an object
 * carrying a string {@code type} and a {@code status} equal to the HTTP status; a schema, when the document gives one,
 * is checked too.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> JSON_TYPES = List.of("application/json", "application/problem+json");

    private final String name;
    private final JsonNode document;
    private final SchemaCheck schemas;

    private OpenApiContract(String name, JsonNode document) {
        this.name = name;
        this.document = document;
        this.schemas = new SchemaCheck(document);
    }

    /** The committed contract of a provider: {@code contracts/<service>.openapi.json} of the repository. */
    public static OpenApiContract of(String service) {
        return load(service, ContractFiles.locate(service));
    }

    /** A contract read from a file; {@code name} appears in every violation. */
    public static OpenApiContract load(String name, Path file) {
        try {
            return new OpenApiContract(name, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI contract " + file, e);
        }
    }

    /** A contract from a document in memory. */
    public static OpenApiContract of(String name, JsonNode document) {
        return new OpenApiContract(name, document);
    }

    public String name() {
        return name;
    }

    /**
     * The check of one answer: {@code path} may carry a query (ignored); {@code mediaType} is the answer's
     * Content-Type ({@code null} for none); {@code body} is its JSON ({@code null} for no body or a non-JSON body).
     * Violations name the operation by its path template ("GET /api/v1/files/{id} -> 200: ..."), so that they read
     * the same whatever ids a test used.
     */
    public Verdict checkAnswer(String method, String path, int status, String mediaType, JsonNode body) {
        List<String> out = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        Optional<Operation> found = operation(method, path, out);
        String where = found.map(Operation::toString).orElse(method.toUpperCase(Locale.ROOT) + " " + withoutQuery(path))
                + " -> " + status;
        if (found.isPresent()) {
            Operation operation = found.get();
            JsonNode response = response(operation.node().path("responses"), status);
            if (response == null && status < 500) {
                out.add("status " + status + " is not documented for " + operation
                        + " (documented: " + names(operation.node().path("responses")) + ")");
            } else {
                if (status >= 400 && body != null) {
                    problemShape(status, body, out);
                }
                JsonNode content = response == null ? JSON.createObjectNode() : response.path("content");
                if (!checkContent(content, mediaType, body, status >= 400, "answer", out) && status < 400) {
                    unchecked.add(operation + " -> " + status + " " + mediaType);
                }
            }
        }
        return new Verdict(prefixed(where, out), unchecked);
    }

    /** What is wrong with an answer (see {@link #checkAnswer}); an empty list means the provider could give it. */
    public List<String> answerViolations(String method, String path, int status, String mediaType, JsonNode body) {
        return checkAnswer(method, path, status, mediaType, body).violations();
    }

    /** What is wrong with a JSON answer (Content-Type application/json, or problem+json for a 4xx/5xx). */
    public List<String> answerViolations(String method, String path, int status, JsonNode body) {
        return answerViolations(method, path, status, jsonType(status, body), body);
    }

    /**
     * What is wrong with a request a consumer sends: the operation exists, every query parameter is one it has (with a
     * value of its type), and the body fits the request schema. For {@code multipart/form-data}, {@code body} is an
     * object of the form's JSON parts (other parts left out).
     */
    public List<String> requestViolations(String method, String path, String mediaType, JsonNode body) {
        List<String> out = new ArrayList<>();
        Optional<Operation> found = operation(method, path, out);
        String where = found.map(Operation::toString).orElse(method.toUpperCase(Locale.ROOT) + " " + withoutQuery(path))
                + " (request)";
        if (found.isEmpty()) {
            return prefixed(where, out);
        }
        checkQuery(found.get(), path, out);
        JsonNode requestBody = schemas.resolve(found.get().node().path("requestBody"));
        if (body == null) {
            if (requestBody.path("required").asBoolean(false)) {
                out.add("the provider requires a body");
            }
        } else if (requestBody.isMissingNode()) {
            out.add("the provider takes no body for " + found.get());
        } else {
            checkContent(requestBody.path("content"), mediaType, body, false, "request", out);
        }
        return prefixed(where, out);
    }

    /** Every query parameter must be one the operation has, with a value of its type. */
    private void checkQuery(Operation operation, String path, List<String> out) {
        int q = path.indexOf('?');
        if (q < 0 || q == path.length() - 1) {
            return;
        }
        Map<String, JsonNode> parameters = new TreeMap<>();
        List<JsonNode> declared = new ArrayList<>();
        document.path("paths").path(operation.template()).path("parameters").forEach(declared::add);
        operation.node().path("parameters").forEach(declared::add);
        for (JsonNode parameter : declared) {
            JsonNode resolved = schemas.resolve(parameter);
            if (resolved.path("in").asText().equals("query")) {
                parameters.put(resolved.path("name").asText(), resolved.path("schema"));
            }
        }
        for (String pair : path.substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            JsonNode schema = parameters.get(name);
            if (schema == null) {
                out.add("query parameter '" + name + "' is not one the provider has (it has: "
                        + String.join(", ", parameters.keySet()) + ")");
            } else if (schema.isObject()) {
                schemas.check(schema, queryValue(schemas.resolve(schema), value), "?" + name, out);
            }
        }
    }

    /** A query value as the JSON value of its schema's type, when it reads as one (else as text, which then fails). */
    private static JsonNode queryValue(JsonNode schema, String value) {
        String type = schema.path("type").asText("string");
        try {
            return switch (type) {
                case "integer", "number" -> JSON.readTree(new BigDecimal(value).toPlainString());
                case "boolean" -> value.equals("true") || value.equals("false")
                        ? JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value))
                        : JSON.getNodeFactory().textNode(value);
                default -> JSON.getNodeFactory().textNode(value);
            };
        } catch (NumberFormatException | IOException e) {
            return JSON.getNodeFactory().textNode(value);
        }
    }

    /** What is wrong with a JSON request. */
    public List<String> requestViolations(String method, String path, JsonNode body) {
        return requestViolations(method, path, "application/json", body);
    }

    /**
     * The outcome of checking one answer: what is wrong with it, and which of its parts the document gives no schema
     * for (a JSON success body that nothing could be checked against: a gap in the provider's document).
     */
    public record Verdict(List<String> violations, List<String> unchecked) {
    }

    // ---- operations and responses ----

    /** An operation of the document: its path template, method and node. */
    record Operation(String template, String method, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }
    }

    private Optional<Operation> operation(String method, String path, List<String> out) {
        String[] segments = segments(withoutQuery(path));
        List<String> templates = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(template -> {
            if (literalMatches(segments(template), segments) >= 0) {
                templates.add(template);
            }
        });
        if (templates.isEmpty()) {
            out.add(name + " has no path matching " + withoutQuery(path));
            return Optional.empty();
        }
        // A concrete segment wins over a template parameter, as in OpenAPI's path matching.
        templates.sort(Comparator.comparingInt((String t) -> literalMatches(segments(t), segments)).reversed());
        String key = method.toLowerCase(Locale.ROOT);
        for (String template : templates) {
            JsonNode node = document.path("paths").path(template).path(key);
            if (node.isObject()) {
                return Optional.of(new Operation(template, key, node));
            }
        }
        out.add(name + " has no " + method.toUpperCase(Locale.ROOT) + " operation on " + templates);
        return Optional.empty();
    }

    /** How many literal segments match, or -1 when the template does not match the path. */
    private static int literalMatches(String[] template, String[] path) {
        if (template.length != path.length) {
            return -1;
        }
        int literal = 0;
        for (int i = 0; i < template.length; i++) {
            boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
            if (parameter) {
                if (path[i].isEmpty()) {
                    return -1;
                }
            } else if (template[i].equals(path[i])) {
                literal++;
            } else {
                return -1;
            }
        }
        return literal;
    }

    private static String[] segments(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return trimmed.split("/", -1);
    }

    private static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private JsonNode response(JsonNode responses, int status) {
        for (String key : List.of(String.valueOf(status), status / 100 + "XX", status / 100 + "xx", "default")) {
            if (responses.has(key)) {
                return schemas.resolve(responses.get(key));
            }
        }
        return null;
    }

    /** Checks a body against the documented content; false when a JSON body had no schema to be checked against. */
    private boolean checkContent(JsonNode content, String mediaType, JsonNode body, boolean error, String what,
                                 List<String> out) {
        if (body == null && mediaType == null) {
            return true;
        }
        if (!content.isObject() || content.isEmpty()) {
            if (!error) {
                out.add("the provider documents no " + what + " body");
            }
            return true;
        }
        Map.Entry<String, JsonNode> chosen = mediaType(content, mediaType);
        if (chosen == null) {
            if (!error) {
                out.add("media type " + mediaType + " is not documented (documented: " + names(content) + ")");
            }
            return true;
        }
        JsonNode schema = chosen.getValue().path("schema");
        if (body == null) {
            return true;
        }
        if (!schema.isObject() || schema.isEmpty()) {
            return false;
        }
        schemas.check(schema, body, "$", out);
        return true;
    }

    private static String jsonType(int status, JsonNode body) {
        return body == null ? null : status >= 400 ? "application/problem+json" : "application/json";
    }

    /** The documented media type an answer of {@code mediaType} is checked against, or null. */
    private static Map.Entry<String, JsonNode> mediaType(JsonNode content, String mediaType) {
        String wanted = mediaType == null ? "application/json"
                : mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        content.fields().forEachRemaining(entries::add);
        boolean json = JSON_TYPES.contains(wanted) || wanted.endsWith("+json");
        for (Map.Entry<String, JsonNode> entry : entries) {
            if (entry.getKey().equalsIgnoreCase(wanted)) {
                return entry;
            }
        }
        for (Map.Entry<String, JsonNode> entry : entries) {
            String key = entry.getKey().toLowerCase(Locale.ROOT);
            boolean sameFamily = json && (JSON_TYPES.contains(key) || key.endsWith("+json"));
            boolean wildcard = key.equals("*/*")
                    || key.endsWith("/*") && wanted.startsWith(key.substring(0, key.length() - 1));
            if (sameFamily || wildcard) {
                return entry;
            }
        }
        return null;
    }

    private static void problemShape(int status, JsonNode body, List<String> out) {
        if (!body.isObject()) {
            out.add("a problem answer must be a JSON object");
            return;
        }
        if (!body.path("type").isTextual()) {
            out.add("a problem answer carries a string 'type'");
        }
        if (!body.path("status").canConvertToInt() || body.path("status").asInt() != status) {
            out.add("a problem answer carries 'status' " + status + " (has " + body.path("status") + ")");
        }
    }

    private static String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static List<String> prefixed(String where, List<String> violations) {
        return violations.stream().map(v -> where + ": " + v).toList();
    }
}
