package ai.datasuite.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Plausible requests read from an OpenAPI document: schemas resolved, documented examples, values that fit. */
final class OpenApiSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiSchemas() {
    }

    /** A request body: its content type and bytes (both null for none). */
    record Body(String type, byte[] bytes) {
    }

    /** The plausible body of an operation: its documented example, else one made from its schema. */
    static Body plausibleBody(JsonNode document, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (!content.fieldNames().hasNext()) {
            return new Body(null, null);
        }
        String mediaType = content.fieldNames().next();
        JsonNode example = firstExample(content.path(mediaType));
        return body(mediaType, example != null ? example
                : instance(document, resolve(document, content.path(mediaType).path("schema")), 0));
    }

    static Body body(String mediaType, JsonNode plausible) {
        if (mediaType == null) {
            return new Body(null, null);
        }
        if (mediaType.startsWith("multipart/")) {
            Map<String, byte[]> parts = new LinkedHashMap<>();
            plausible.fields().forEachRemaining(e -> parts.put(e.getKey(), e.getValue().asText().getBytes()));
            return form(parts);
        }
        if (mediaType.contains("json") && !mediaType.contains("ndjson")) {
            return new Body(mediaType, plausible.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new Body(mediaType, "question,context,answer\nq,c,a\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A value that fits the schema: enum's first value, a small string, 1, an object of every property. */
    static JsonNode instance(JsonNode document, JsonNode schema, int depth) {
        JsonNode s = resolve(document, schema);
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        switch (type) {
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            case "array":
                return depth > 4 ? NODES.arrayNode() : NODES.arrayNode().add(instance(document, s.path("items"), depth + 1));
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    s.path("properties").fields().forEachRemaining(e ->
                            object.set(e.getKey(), instance(document, e.getValue(), depth + 1)));
                }
                return object;
            }
            default:
                return NODES.textNode(switch (s.path("format").asText()) {
                    case "date-time" -> "2026-01-01T00:00:00Z";
                    case "date" -> "2026-01-01";
                    case "uuid" -> UUID.randomUUID().toString();
                    case "binary" -> "question,context,answer\nq,c,a\n";
                    default -> "fuzz";
                });
        }
    }

    static JsonNode firstExample(JsonNode media) {
        if (media.has("example")) {
            return media.get("example");
        }
        Iterator<JsonNode> examples = media.path("examples").elements();
        return examples.hasNext() ? examples.next().path("value") : null;
    }

    /** The schema itself when it has properties or a type (Quarkus writes both), else what its $ref names. */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 8 && s.has("$ref") && !s.has("properties") && !s.has("type"); i++) {
            String ref = s.get("$ref").asText();
            s = document.at(ref.substring(1));
        }
        if (s.has("allOf") && !s.has("properties")) {
            return resolve(document, s.get("allOf").get(0));
        }
        if (s.has("oneOf") || s.has("anyOf")) {
            return resolve(document, s.has("oneOf") ? s.get("oneOf").get(0) : s.get("anyOf").get(0));
        }
        return s;
    }

    static boolean isNumeric(JsonNode schema) {
        String type = schema.path("type").asText();
        return "integer".equals(type) || "number".equals(type);
    }

    /** A multipart form of the given parts; a part named "file" goes as a small text file. */
    static Body form(Map<String, byte[]> parts) {
        String boundary = "fuzz" + Integer.toHexString(parts.hashCode());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach((name, value) -> {
            String file = "file".equals(name) ? "; filename=\"fuzz.txt\"\r\nContent-Type: text/plain" : "";
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"" + file
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(value);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }
}
