package ai.datasuite.testsupport.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The provider's side: the committed contract must be the service's live OpenAPI document. Called from a
 * {@code @QuarkusTest} of the provider with the text of {@code /q/openapi?format=json}; with
 * {@code -Dcontracts.update=true} it rewrites the committed file instead of comparing.
 *
 * <p>What is committed and compared is the document's shape, normalised: {@code paths} and {@code components}
 * (operations, parameters, request bodies, responses, schemas, required lists), with object keys sorted, parameters
 * ordered by location and name, and required lists sorted. Prose and version noise are left out: {@code info},
 * {@code servers}, the {@code openapi} version, top-level {@code tags}, and every {@code description},
 * {@code summary}, {@code example(s)} and operation {@code tags} (never a property or schema that has one of these
 * names).
 */
public final class ProviderContract {

    public static final String UPDATE_PROPERTY = "contracts.update";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> PROSE = Set.of("description", "summary", "example", "examples", "tags",
            "externalDocs");
    /** Objects whose keys are names chosen by the API (paths, schemas, properties...), never keywords. */
    private static final Set<String> NAME_MAPS = Set.of("paths", "schemas", "properties", "responses", "content",
            "headers", "parameters", "requestBodies", "securitySchemes", "mapping", "patternProperties",
            "$defs", "links", "callbacks", "encoding", "variables");
    private static final int MAX_DIFFERENCES = 40;

    private ProviderContract() {
    }

    /** Fails (or, with -Dcontracts.update=true, rewrites the file) when the live document differs from the committed one. */
    public static void assertCommitted(String service, String liveDocument) {
        assertCommitted(service, liveDocument, ContractFiles.path(service), Boolean.getBoolean(UPDATE_PROPERTY));
    }

    static void assertCommitted(String service, String liveDocument, Path file, boolean update) {
        JsonNode live;
        try {
            live = normalize(JSON.readTree(liveDocument));
        } catch (IOException e) {
            throw new UncheckedIOException("the live OpenAPI document of " + service + " is not JSON", e);
        }
        if (update) {
            write(file, live);
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("No committed contract " + file.toAbsolutePath().normalize()
                    + "; write it with " + refreshCommand(service));
        }
        JsonNode committed;
        try {
            committed = normalize(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> differences = new ArrayList<>();
        diff("", committed, live, differences);
        if (!differences.isEmpty()) {
            throw new AssertionError(service + "'s API no longer matches its committed contract "
                    + file.toAbsolutePath().normalize() + ":\n  " + String.join("\n  ", differences)
                    + "\nIf the change is intended, refresh the contract with\n  " + refreshCommand(service)
                    + "\nthen review its diff and run the consumers' contract tests (their fakes are checked against it).");
        }
    }

    static String refreshCommand(String service) {
        return "mvn -B -o -pl " + service + " verify -Dtest=OpenApiContractTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";
    }

    /** The committed form of a document: its shape only, in a stable order. */
    public static JsonNode normalize(JsonNode document) {
        ObjectNode shape = JSON.createObjectNode();
        for (String part : List.of("paths", "components")) {
            if (document.has(part)) {
                shape.set(part, normalize(document.get(part), part));
            }
        }
        return shape;
    }

    private static JsonNode normalize(JsonNode node, String key) {
        if (node.isObject()) {
            boolean names = NAME_MAPS.contains(key);
            ObjectNode sorted = JSON.createObjectNode();
            for (String field : new TreeSet<>(iterable(node.fieldNames()))) {
                if (!names && PROSE.contains(field)) {
                    continue;
                }
                // Below a name, the key is a keyword again (a property called "properties" holds a schema).
                sorted.set(field, normalize(node.get(field), names ? "" : field));
            }
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(normalize(item, "")));
            if (key.equals("required")) {
                items.sort((a, b) -> a.asText().compareTo(b.asText()));
            } else if (key.equals("parameters")) {
                items.sort((a, b) -> (a.path("in").asText() + " " + a.path("name").asText())
                        .compareTo(b.path("in").asText() + " " + b.path("name").asText()));
            }
            ArrayNode array = JSON.createArrayNode();
            array.addAll(items);
            return array;
        }
        return node;
    }

    private static void diff(String at, JsonNode committed, JsonNode live, List<String> out) {
        if (out.size() >= MAX_DIFFERENCES) {
            return;
        }
        if (committed.isObject() && live.isObject()) {
            Set<String> keys = new TreeSet<>(iterable(committed.fieldNames()));
            keys.addAll(iterable(live.fieldNames()));
            for (String key : keys) {
                String child = key.matches("[A-Za-z_][A-Za-z0-9_]*")
                        ? (at.isEmpty() ? key : at + "." + key) : at + "[\"" + key + "\"]";
                if (!live.has(key)) {
                    out.add("removed " + child + " (committed: " + brief(committed.get(key)) + ")");
                } else if (!committed.has(key)) {
                    out.add("added   " + child + " (live: " + brief(live.get(key)) + ")");
                } else {
                    diff(child, committed.get(key), live.get(key), out);
                }
            }
        } else if (committed.isArray() && live.isArray() && committed.size() == live.size()) {
            for (int i = 0; i < committed.size(); i++) {
                diff(at + "[" + i + "]", committed.get(i), live.get(i), out);
            }
        } else if (!committed.equals(live)) {
            out.add("changed " + at + ": committed " + brief(committed) + ", live " + brief(live));
        }
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private static void write(Path file, JsonNode document) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(document) + "\n");
            System.out.println("Wrote the contract " + file.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
