package ai.datasuite.gateway.auth;

import io.vertx.core.http.HttpServerRequest;

/** Where a client puts its API key: {@code X-Api-Key: <key>}, else {@code Authorization: Bearer <key>}. */
public final class PresentedKey {

    public static final String HEADER = "X-Api-Key";

    private PresentedKey() {
    }

    /** The key the request presents, or null when it presents none. */
    public static String of(HttpServerRequest request) {
        String apiKey = request.getHeader(HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
