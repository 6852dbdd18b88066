package ai.datasuite.gateway.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.datasuite.gateway.openapi.ComponentRefs.Key;

/**
 * Merges documents into one: from each source only its public paths, and of its components only those these paths
 * need (an internal path's schemas would otherwise show up, and clash, for nothing). A component name two sources use
 * for different content is prefixed with the source ({@code File} → {@code IngestFile}, {@code MetadataFile}) and every
 * reference to it rewritten; equal content is shared under one name. Tags are merged by name (first description wins); an operation
 * id two sources use is prefixed the same way. The services' own security (their internal token) is dropped: the
 * public document's security is the gateway's, set by {@link PublicConventions}.
 */
final class OpenApiMerge {

    static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String SECURITY_SCHEMES = "securitySchemes";
    private static final String DEFAULT_VERSION = "3.1.0";
    private static final int MAX_RENAME_ROUNDS = 50;
    private static final Logger LOG = Logger.getLogger(OpenApiMerge.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiMerge() {
    }

    /** The merged {@code openapi}, {@code tags}, {@code paths} and {@code components}, in the order of the sources. */
    static ObjectNode merge(List<Source> sources) {
        List<Part> parts = sources.stream().map(Part::of).toList();
        resolveClashes(parts);
        prefixSharedOperationIds(parts);

        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", sources.stream().map(s -> s.document().path("openapi").asText(null))
                .filter(Objects::nonNull).findFirst().orElse(DEFAULT_VERSION));
        merged.set("tags", tags(parts));
        ObjectNode paths = merged.putObject("paths");
        Map<String, String> pathOwners = new HashMap<>();
        for (Part part : parts) {
            ComponentRefs.rewrite(part.paths, part.renames);
            for (Map.Entry<String, JsonNode> path : part.paths.properties()) {
                String owner = pathOwners.putIfAbsent(path.getKey(), part.source.name());
                if (owner == null) {
                    paths.set(path.getKey(), path.getValue());
                } else {
                    LOG.warnf("OpenAPI: %s documents %s, which %s documents already; the public route decides,"
                            + " check gateway.openapi.public-paths.*", part.source.name(),
                            path.getKey(), owner);
                }
            }
        }
        merged.set("components", components(parts));
        return merged;
    }

    /** What one source contributes: its public paths and, by their original keys, the components they reach. */
    private static final class Part {

        final Source source;
        final ObjectNode paths;
        final Map<Key, JsonNode> components;
        final Set<String> usedTags;
        /** Components whose name changed: original key → new name. */
        final Map<Key, String> renames = new HashMap<>();

        private Part(Source source, ObjectNode paths, Map<Key, JsonNode> components, Set<String> usedTags) {
            this.source = source;
            this.paths = paths;
            this.components = components;
            this.usedTags = usedTags;
        }

        static Part of(Source source) {
            ObjectNode paths = NODES.objectNode();
            for (Map.Entry<String, JsonNode> path : source.document().path("paths").properties()) {
                if (source.isPublic(path.getKey()) && path.getValue().isObject()) {
                    ObjectNode item = path.getValue().deepCopy();
                    dropOwnSecurity(item);
                    paths.set(path.getKey(), item);
                }
            }
            JsonNode declared = source.document().path("components");
            Deque<Key> todo = new ArrayDeque<>(source.reserved() ? allKeys(declared) : ComponentRefs.in(paths));
            Map<Key, JsonNode> components = new LinkedHashMap<>();
            while (!todo.isEmpty()) {
                Key key = todo.pop();
                if (components.containsKey(key) || !source.reserved() && key.type().equals(SECURITY_SCHEMES)) {
                    continue;
                }
                JsonNode content = declared.path(key.type()).get(key.name());
                if (content == null) {
                    LOG.warnf("OpenAPI: %s refers to %s, which its document does not define", source.name(),
                            key.ref());
                    continue;
                }
                components.put(key, content.deepCopy());
                todo.addAll(ComponentRefs.in(content));
            }
            Set<String> usedTags = new LinkedHashSet<>();
            forEachOperation(paths, operation -> operation.path("tags").forEach(tag -> usedTags.add(tag.asText())));
            return new Part(source, paths, components, usedTags);
        }

        String nameOf(Key key) {
            return renames.getOrDefault(key, key.name());
        }

        /** The component's content with its references rewritten to the current names. */
        JsonNode contentOf(Key key) {
            JsonNode content = components.get(key).deepCopy();
            ComponentRefs.rewrite(content, renames);
            return content;
        }
    }

    private record Member(Part part, Key key) {
    }

    /**
     * Renames until no two sources use one name for different content. In a clash the conventions keep the name, or
     * else the content most sources share (ingest's, metadata's and retrieval's equal {@code Instant}); every other
     * version gets its source's prefix, and with a tie all of them do. Renaming one component changes the content of
     * those that refer to it, so equal-looking components may clash in a later round: repeat until nothing moves.
     */
    private static void resolveClashes(List<Part> parts) {
        for (int round = 0; round < MAX_RENAME_ROUNDS; round++) {
            Map<Key, List<Member>> byName = new LinkedHashMap<>();
            for (Part part : parts) {
                for (Key key : part.components.keySet()) {
                    byName.computeIfAbsent(new Key(key.type(), part.nameOf(key)), k -> new ArrayList<>())
                            .add(new Member(part, key));
                }
            }
            boolean renamed = false;
            for (List<Member> members : byName.values()) {
                Map<JsonNode, List<Member>> byContent = new LinkedHashMap<>();
                members.forEach(m -> byContent.computeIfAbsent(m.part().contentOf(m.key()), c -> new ArrayList<>())
                        .add(m));
                if (byContent.size() < 2) {
                    continue;
                }
                List<Member> keepers = keepers(byContent);
                for (Member member : members) {
                    if (!member.part().source.reserved() && !keepers.contains(member)) {
                        member.part().renames.put(member.key(), nextName(member));
                        renamed = true;
                    }
                }
            }
            if (!renamed) {
                return;
            }
        }
        throw new IllegalStateException("OpenAPI: component names still clash after " + MAX_RENAME_ROUNDS
                + " rounds of renaming");
    }

    /** The members that keep a clashing name: the conventions', else the largest group of equal content, else none. */
    private static List<Member> keepers(Map<JsonNode, List<Member>> byContent) {
        List<Member> largest = List.of();
        boolean tie = false;
        for (List<Member> group : byContent.values()) {
            if (group.stream().anyMatch(m -> m.part().source.reserved())) {
                return group;
            }
            if (group.size() > largest.size()) {
                largest = group;
                tie = false;
            } else if (group.size() == largest.size()) {
                tie = true;
            }
        }
        return tie ? List.of() : largest;
    }

    /** {@code File} → {@code IngestFile}; should that clash too, {@code IngestFile2}, {@code IngestFile3}, ... */
    private static String nextName(Member member) {
        String base = member.part().source.prefix() + member.key().name();
        String current = member.part().renames.get(member.key());
        if (current == null) {
            return base;
        }
        String counter = current.substring(base.length());
        return base + (counter.isEmpty() ? 2 : Integer.parseInt(counter) + 1);
    }

    private static void prefixSharedOperationIds(List<Part> parts) {
        Map<String, Set<Part>> owners = new HashMap<>();
        for (Part part : parts) {
            forEachOperation(part.paths, operation -> {
                if (operation.hasNonNull("operationId")) {
                    owners.computeIfAbsent(operation.get("operationId").asText(), id -> new HashSet<>()).add(part);
                }
            });
        }
        for (Part part : parts) {
            String prefix = part.source.prefix();
            String lowerPrefix = prefix.isEmpty() ? "" : prefix.substring(0, 1).toLowerCase(Locale.ROOT)
                    + prefix.substring(1);
            forEachOperation(part.paths, operation -> {
                String id = operation.path("operationId").asText(null);
                if (id != null && owners.get(id).size() > 1) {
                    operation.put("operationId", lowerPrefix + id.substring(0, 1).toUpperCase(Locale.ROOT)
                            + id.substring(1));
                }
            });
        }
    }

    /** The tags the kept operations use, each defined once. */
    private static JsonNode tags(List<Part> parts) {
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        for (Part part : parts) {
            for (JsonNode tag : part.source.document().path("tags")) {
                String name = tag.path("name").asText();
                if (part.usedTags.contains(name) && !tags.containsKey(name)) {
                    tags.put(name, tag.deepCopy());
                }
            }
            part.usedTags.forEach(name -> tags.computeIfAbsent(name, n -> NODES.objectNode().put("name", n)));
        }
        return NODES.arrayNode().addAll(tags.values());
    }

    /** Components by type, then by name; sorted so that the document reads (and diffs) the same way each time. */
    private static ObjectNode components(List<Part> parts) {
        Map<String, Map<String, JsonNode>> byType = new TreeMap<>();
        for (Part part : parts) {
            for (Key key : part.components.keySet()) {
                byType.computeIfAbsent(key.type(), t -> new TreeMap<>())
                        .putIfAbsent(part.nameOf(key), part.contentOf(key));
            }
        }
        ObjectNode components = NODES.objectNode();
        byType.forEach((type, named) -> components.putObject(type).setAll(named));
        return components;
    }

    private static Set<Key> allKeys(JsonNode components) {
        Set<Key> keys = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> type : components.properties()) {
            type.getValue().fieldNames().forEachRemaining(name -> keys.add(new Key(type.getKey(), name)));
        }
        return keys;
    }

    /** A service's operation security and servers name its internal token and address, not the public door. */
    private static void dropOwnSecurity(ObjectNode pathItem) {
        pathItem.remove("servers");
        forEachOperationOf(pathItem, operation -> operation.remove(List.of("security", "servers")));
    }

    static void forEachOperation(JsonNode paths, java.util.function.Consumer<ObjectNode> action) {
        paths.forEach(item -> forEachOperationOf(item, action));
    }

    private static void forEachOperationOf(JsonNode pathItem, java.util.function.Consumer<ObjectNode> action) {
        for (Map.Entry<String, JsonNode> entry : pathItem.properties()) {
            if (OPERATIONS.contains(entry.getKey()) && entry.getValue().isObject()) {
                action.accept((ObjectNode) entry.getValue());
            }
        }
    }
}
