package ai.datasuite.gateway.auth;

import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

import ai.datasuite.gateway.key.KeyHolder;
import ai.datasuite.gateway.proxy.VertxProblems;
import ai.datasuite.problem.ProblemException;

/**
 * The API key check of the gateway's Vert.x routes (the proxy, the upload, the snapshot import), which run before
 * Quarkus security: the key's holder comes from memory when it is there, else from a lookup off the event loop. The
 * request is paused before the lookup, so no body byte is lost meanwhile; whoever goes on resumes it.
 */
@Singleton
public class RouteKeys {

    private static final Logger LOG = Logger.getLogger(RouteKeys.class);

    private final Vertx vertx;
    private final ApiKeyAuthenticator authenticator;

    public RouteKeys(Vertx vertx, ApiKeyAuthenticator authenticator) {
        this.vertx = vertx;
        this.authenticator = authenticator;
    }

    /**
     * Calls {@code known} with the key's holder, or {@code refused} with why not: 401 for a missing or invalid key,
     * 500 when the lookup itself failed (logged). Exactly one of them runs, on the event loop.
     */
    public void check(HttpServerRequest request, Consumer<KeyHolder> known, Consumer<ProblemException> refused) {
        String key = PresentedKey.of(request);
        if (key == null) {
            refused.accept(AuthProblems.missingKey());
            return;
        }
        request.pause();
        KeyHolder holder;
        try {
            holder = authenticator.fromMemory(key);
        } catch (ProblemException invalid) {
            refused.accept(invalid);
            return;
        }
        if (holder != null) {
            known.accept(holder);
            return;
        }
        vertx.executeBlocking(() -> authenticator.authenticate(key), false).onComplete(lookup -> {
            if (lookup.succeeded()) {
                known.accept(lookup.result());
            } else {
                refused.accept(VertxProblems.of(lookup.cause(), "The API key could not be checked", LOG));
            }
        });
    }
}
