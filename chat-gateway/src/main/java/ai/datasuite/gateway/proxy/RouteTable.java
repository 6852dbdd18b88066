package ai.datasuite.gateway.proxy;

import java.util.List;
import java.util.Optional;

import ai.datasuite.gateway.config.Upstream;

/**
 * Which service answers a public path. Prefixes match whole segments ({@code /api/v1/files} and below, never
 * {@code /api/v1/filesX}); anything else of the services (metadata's files, datasets, comments and keys) is internal
 * and not reachable. {@link #OWN} is the gateway's own REST resource.
 */
public final class RouteTable {

    /** The gateway's own endpoints, answered by its REST resources. */
    public static final String OWN = "/api/v1/keys";

    /**
     * Every prefix of the gateway's own endpoints (REST resources, and Vert.x routes registered before the proxy such
     * as {@code POST /api/upload}). Helpers add theirs here.
     */
    public static final List<String> OWN_PREFIXES = List.of(OWN, "/api/chat",
            "/api/upload", "/api/v1/documents", "/api/v1/notices", "/api/fine-tune", "/api/v1/evaluations",
            "/api/v1/tasks/imports", "/api/v1/products", "/api/v1/me");

    private record Route(String prefix, Upstream upstream) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("/api/v1/models", Upstream.RETRIEVAL),
            new Route("/api/v1/datasets", Upstream.RETRIEVAL),
            new Route("/api/v1/files", Upstream.INGEST),
            new Route("/api/v1/tasks", Upstream.METADATA),
            new Route("/api/v1/conversations", Upstream.METADATA),
            new Route("/api/v1/predict", Upstream.INFERENCE),
            new Route("/api/v1/comments", Upstream.INFERENCE),
            new Route("/api/v1/jobs", Upstream.INFERENCE),
            new Route("/api/v1/classifiers", Upstream.INFERENCE),
            new Route("/api/v1/classify", Upstream.INFERENCE),
            new Route("/api/v1/collections", Upstream.RETRIEVAL));

    private RouteTable() {
    }

    /** The service a public path is routed to; empty for the gateway's own paths and for unknown ones. */
    public static Optional<Upstream> upstreamFor(String path) {
        for (Route route : ROUTES) {
            if (under(path, route.prefix())) {
                return Optional.of(route.upstream());
            }
        }
        return Optional.empty();
    }

    /** True for the gateway's own REST paths. */
    public static boolean isOwn(String path) {
        for (String prefix : OWN_PREFIXES) {
            if (under(path, prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The public path prefixes routed to {@code upstream} (for documentation and tests). */
    public static List<String> prefixesOf(Upstream upstream) {
        return ROUTES.stream().filter(route -> route.upstream() == upstream).map(Route::prefix).toList();
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
    }
}
