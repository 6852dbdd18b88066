package ai.datasuite.gateway.openapi;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The local component references of a document ({@code "$ref": "#/components/schemas/File"}, and the targets of a
 * discriminator's {@code mapping}): finding them, and rewriting them when a component is renamed.
 */
final class ComponentRefs {

    static final String PREFIX = "#/components/";

    /** A component by its type ({@code schemas}, {@code responses}, ...) and name. */
    record Key(String type, String name) {

        /** The key a local reference points at; null for any other reference (external, into paths). */
        static Key of(String ref) {
            if (ref == null || !ref.startsWith(PREFIX)) {
                return null;
            }
            String rest = ref.substring(PREFIX.length());
            int slash = rest.indexOf('/');
            return slash <= 0 || slash == rest.length() - 1 ? null
                    : new Key(rest.substring(0, slash), rest.substring(slash + 1));
        }

        String ref() {
            return PREFIX + type + "/" + name;
        }
    }

    private ComponentRefs() {
    }

    /** Every component {@code node} refers to directly (not through the components it names). */
    static Set<Key> in(JsonNode node) {
        Set<Key> found = new LinkedHashSet<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, Set<Key> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (isRef(field)) {
                    add(field.getValue().asText(), found);
                } else if (isMapping(node, field)) {
                    field.getValue().forEach(target -> add(target.asText(), found));
                } else {
                    collect(field.getValue(), found);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, found));
        }
    }

    private static void add(String ref, Set<Key> found) {
        Key key = Key.of(ref);
        if (key != null) {
            found.add(key);
        }
    }

    /** Rewrites, in place, every reference to a renamed component to its new name. */
    static void rewrite(JsonNode node, Map<Key, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (isRef(field)) {
                    field.setValue(TextNode.valueOf(renamed(field.getValue().asText(), renames)));
                } else if (isMapping(node, field)) {
                    for (Map.Entry<String, JsonNode> target : field.getValue().properties()) {
                        target.setValue(TextNode.valueOf(renamed(target.getValue().asText(), renames)));
                    }
                } else {
                    rewrite(field.getValue(), renames);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> rewrite(item, renames));
        }
    }

    private static String renamed(String ref, Map<Key, String> renames) {
        Key key = Key.of(ref);
        String name = key == null ? null : renames.get(key);
        return name == null ? ref : new Key(key.type(), name).ref();
    }

    private static boolean isRef(Map.Entry<String, JsonNode> field) {
        return field.getKey().equals("$ref") && field.getValue().isTextual();
    }

    /** A discriminator's mapping: its values are references too. */
    private static boolean isMapping(JsonNode parent, Map.Entry<String, JsonNode> field) {
        return field.getKey().equals("mapping") && field.getValue().isObject() && parent.has("propertyName");
    }
}
