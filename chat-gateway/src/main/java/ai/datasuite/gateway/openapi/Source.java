package ai.datasuite.gateway.openapi;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One document taking part in the merge.
 *
 * @param name        the service, as named in the document's list of sources
 * @param prefix      prefixes its clashing component names and operation ids ({@code Ingest}: {@code IngestFile})
 * @param document    its OpenAPI document as served
 * @param publicPaths the path prefixes the gateway routes to it; null when every path is public (the gateway's own)
 * @param reserved    the gateway's conventions (problem responses, security schemes): their component names never
 *                    change, a service's component of the same name is renamed instead
 */
public record Source(String name, String prefix, ObjectNode document, List<String> publicPaths, boolean reserved) {

    /** A service: {@code ingest-service} gets the prefix {@code Ingest}. */
    public static Source service(String name, ObjectNode document, List<String> publicPaths) {
        return new Source(name, prefixOf(name.replaceFirst("-service$", "")), document, List.copyOf(publicPaths),
                false);
    }

    /** The gateway's own resources: all of its paths are public. */
    public static Source gateway(String name, ObjectNode document) {
        return new Source(name, "Gateway", document, null, false);
    }

    public static Source conventions(ObjectNode document) {
        return new Source("conventions", "", document, List.of(), true);
    }

    /** True when the gateway routes {@code path} to this source: it equals a prefix or lies below one. */
    public boolean isPublic(String path) {
        if (publicPaths == null) {
            return true;
        }
        for (String prefix : publicPaths) {
            String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            if (path.equals(base) || path.startsWith(base + "/")) {
                return true;
            }
        }
        return false;
    }

    /** {@code ingest} → {@code Ingest}, {@code chat-gateway} → {@code ChatGateway}. */
    static String prefixOf(String name) {
        StringBuilder prefix = new StringBuilder();
        for (String word : name.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                prefix.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return prefix.toString();
    }
}
