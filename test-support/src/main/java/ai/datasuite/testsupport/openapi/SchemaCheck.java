package ai.datasuite.testsupport.openapi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * Checks a JSON value against a schema of an OpenAPI 3.0/3.1 document, strictly in one way on purpose: a property an
 * object carries must be declared (in {@code properties}, or by an {@code additionalProperties} schema), because a
 * fake that answers a field the provider does not have is exactly the drift to catch. An object schema without
 * {@code properties} is free-form.
 *
 * <p>Handled: {@code $ref} (also with sibling keywords), {@code allOf} (merged), {@code oneOf}/{@code anyOf} (one must
 * fit), {@code type} (a name or a list), {@code nullable}, {@code enum}, {@code const}, {@code required},
 * {@code items}, {@code additionalProperties}, {@code pattern}, {@code minimum}/{@code maximum},
 * {@code minLength}/{@code maxLength}, {@code minItems}/{@code maxItems}, and the formats date-time, date and uuid.
 * A JSON {@code null} is accepted for any property: SmallRye does not mark which reference-typed fields may be null,
 * and the services write nulls.
 *
 * <p>Property names: the services write JSON with Jackson's SNAKE_CASE strategy, while SmallRye names a schema's
 * properties after the Java names unless {@code mp.openapi.extensions.smallrye.property-naming-strategy} says
 * otherwise. A declared name therefore also matches its SNAKE_CASE form (an identity for names already in snake case).
 */
final class SchemaCheck {

    private static final int MAX_VIOLATIONS = 50;
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Follows {@code $ref} chains of components (schemas, responses, request bodies). */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        Set<String> seen = new HashSet<>();
        while (current.has("$ref") && current.size() == 1) {
            String ref = current.get("$ref").asText();
            if (!seen.add(ref)) {
                throw new IllegalStateException("circular $ref " + ref);
            }
            current = pointer(ref);
        }
        return current;
    }

    void check(JsonNode schema, JsonNode value, String at, List<String> out) {
        if (out.size() >= MAX_VIOLATIONS || value.isNull()) {
            return;
        }
        Shape shape = flatten(schema, new HashSet<>());
        if (!shape.alternatives.isEmpty()) {
            List<String> closest = null;
            for (JsonNode alternative : shape.alternatives) {
                List<String> attempt = new ArrayList<>();
                check(alternative, value, at, attempt);
                if (attempt.isEmpty()) {
                    closest = null;
                    break;
                }
                if (closest == null || attempt.size() < closest.size()) {
                    closest = attempt;
                }
            }
            if (closest != null) {
                out.add(at + " fits none of the schema's alternatives; the closest says:");
                out.addAll(closest);
                return;
            }
        }
        String actual = jsonType(value);
        if (!shape.types.isEmpty() && shape.types.stream().noneMatch(t -> compatible(t, value))) {
            out.add(at + " is " + actual + " but the provider has " + String.join(" or ", shape.types)
                    + describe(shape.name));
            return;
        }
        if (!shape.enumValues.isEmpty() && !shape.enumValues.contains(value)) {
            out.add(at + " is " + value + ", not one of " + shape.enumValues + describe(shape.name));
        }
        if (value.isTextual()) {
            checkText(shape, value.asText(), at, out);
        }
        if (value.isNumber()) {
            checkNumber(shape, value, at, out);
        }
        if (value.isArray()) {
            checkSize("items", value.size(), shape.minItems, shape.maxItems, at, out);
        }
        if (value.isArray() && shape.items != null) {
            for (int i = 0; i < value.size(); i++) {
                check(shape.items, value.get(i), at + "[" + i + "]", out);
            }
        }
        if (value.isObject()) {
            checkObject(shape, value, at, out);
        }
    }

    private void checkObject(Shape shape, JsonNode value, String at, List<String> out) {
        for (String required : shape.required) {
            if (!value.has(wire(required)) && !value.has(required)) {
                out.add(at + " lacks the required property '" + wire(required) + "'" + describe(shape.name));
            }
        }
        Map<String, JsonNode> byWireName = new LinkedHashMap<>();
        shape.properties.forEach((name, schema) -> byWireName.put(wire(name), schema));
        shape.properties.forEach(byWireName::putIfAbsent);
        boolean freeForm = shape.properties.isEmpty() && shape.additional == null;
        value.fields().forEachRemaining(field -> {
            JsonNode declared = byWireName.get(field.getKey());
            String child = at + "." + field.getKey();
            if (declared != null) {
                check(declared, field.getValue(), child, out);
            } else if (shape.additional != null && shape.additional.isObject()) {
                check(shape.additional, field.getValue(), child, out);
            } else if (!freeForm && !(shape.additional != null && shape.additional.asBoolean(false))) {
                out.add(child + " is not a property the provider has" + describe(shape.name)
                        + " (it has: " + String.join(", ", shape.properties.keySet().stream().map(SchemaCheck::wire).toList())
                        + ")");
            }
        });
    }

    /** One schema with its references resolved and its allOf parts merged. */
    private static final class Shape {
        String name;
        final Set<String> types = new LinkedHashSet<>();
        final Map<String, JsonNode> properties = new LinkedHashMap<>();
        final Set<String> required = new LinkedHashSet<>();
        final List<JsonNode> enumValues = new ArrayList<>();
        final List<JsonNode> alternatives = new ArrayList<>();
        JsonNode additional;
        JsonNode items;
        String format;
        String pattern;
        JsonNode minimum;
        JsonNode maximum;
        Integer minLength;
        Integer maxLength;
        Integer minItems;
        Integer maxItems;
    }

    private Shape flatten(JsonNode schema, Set<String> refs) {
        Shape shape = new Shape();
        merge(shape, schema, refs);
        return shape;
    }

    private void merge(Shape shape, JsonNode schema, Set<String> refs) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (refs.add(ref)) {
                if (shape.name == null) {
                    shape.name = ref.substring(ref.lastIndexOf('/') + 1);
                }
                merge(shape, pointer(ref), refs);
            }
        }
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            shape.types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> shape.types.add(t.asText()));
        }
        if (schema.path("nullable").asBoolean(false)) {
            shape.types.add("null");
        }
        schema.path("properties").fields().forEachRemaining(p -> shape.properties.put(p.getKey(), p.getValue()));
        schema.path("required").forEach(r -> shape.required.add(r.asText()));
        schema.path("enum").forEach(shape.enumValues::add);
        if (schema.has("const")) {
            shape.enumValues.add(schema.get("const"));
        }
        if (schema.has("additionalProperties")) {
            shape.additional = schema.get("additionalProperties");
        }
        if (schema.has("items")) {
            shape.items = schema.get("items");
        }
        if (schema.has("format")) {
            shape.format = schema.get("format").asText();
        }
        if (schema.has("pattern")) {
            shape.pattern = schema.get("pattern").asText();
        }
        shape.minimum = schema.has("minimum") ? schema.get("minimum") : shape.minimum;
        shape.maximum = schema.has("maximum") ? schema.get("maximum") : shape.maximum;
        shape.minLength = schema.has("minLength") ? Integer.valueOf(schema.get("minLength").asInt()) : shape.minLength;
        shape.maxLength = schema.has("maxLength") ? Integer.valueOf(schema.get("maxLength").asInt()) : shape.maxLength;
        shape.minItems = schema.has("minItems") ? Integer.valueOf(schema.get("minItems").asInt()) : shape.minItems;
        shape.maxItems = schema.has("maxItems") ? Integer.valueOf(schema.get("maxItems").asInt()) : shape.maxItems;
        schema.path("allOf").forEach(part -> merge(shape, part, refs));
        schema.path("oneOf").forEach(shape.alternatives::add);
        schema.path("anyOf").forEach(shape.alternatives::add);
        // An object schema's shape may only be given through its properties.
        if (shape.types.isEmpty() && !shape.properties.isEmpty()) {
            shape.types.add("object");
        }
    }

    private JsonNode pointer(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only local $ref are supported: " + ref);
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("the document has no " + ref);
        }
        return target;
    }

    private static boolean compatible(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static String jsonType(JsonNode value) {
        if (value.isIntegralNumber()) {
            return "an integer";
        }
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    private static void checkText(Shape shape, String text, String at, List<String> out) {
        if (shape.format != null) {
            checkFormat(shape.format, text, at, out);
        }
        if (shape.pattern != null && !Pattern.compile(shape.pattern).matcher(text).find()) {
            out.add(at + " is \"" + text + "\", which does not match " + shape.pattern);
        }
        checkSize("characters", text.codePointCount(0, text.length()), shape.minLength, shape.maxLength, at, out);
    }

    private static void checkNumber(Shape shape, JsonNode value, String at, List<String> out) {
        if (shape.minimum != null && value.decimalValue().compareTo(shape.minimum.decimalValue()) < 0) {
            out.add(at + " is " + value + ", below the minimum " + shape.minimum);
        }
        if (shape.maximum != null && value.decimalValue().compareTo(shape.maximum.decimalValue()) > 0) {
            out.add(at + " is " + value + ", above the maximum " + shape.maximum);
        }
    }

    private static void checkSize(String unit, int size, Integer min, Integer max, String at, List<String> out) {
        if (min != null && size < min) {
            out.add(at + " has " + size + " " + unit + ", fewer than " + min);
        }
        if (max != null && size > max) {
            out.add(at + " has " + size + " " + unit + ", more than " + max);
        }
    }

    private static void checkFormat(String format, String text, String at, List<String> out) {
        try {
            switch (format) {
                case "date-time" -> OffsetDateTime.parse(text);
                case "date" -> LocalDate.parse(text);
                case "uuid" -> UUID.fromString(text);
                default -> {
                    return;
                }
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            out.add(at + " is \"" + text + "\", not a " + format);
        }
    }

    /** The JSON name of a declared property (see the class comment). */
    private static String wire(String declared) {
        return SNAKE_CASE.translate(declared);
    }

    private static String describe(String schemaName) {
        return schemaName == null ? "" : " in " + schemaName;
    }
}
