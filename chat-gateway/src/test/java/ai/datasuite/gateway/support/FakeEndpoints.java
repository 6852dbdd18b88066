package ai.datasuite.gateway.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A stateful fake of some of a service's endpoints, plugged into a {@link FakeUpstream} with
 * {@link FakeUpstream#serve}. The caller's identity is verified already; {@code body} is the whole request body.
 */
@FunctionalInterface
public interface FakeEndpoints {

    void handle(HttpServerRequest request, VerifiedIdentity identity, Buffer body);
}
