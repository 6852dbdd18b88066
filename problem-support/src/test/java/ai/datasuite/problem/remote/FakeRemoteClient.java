package ai.datasuite.problem.remote;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A client bean as the services write them: fault tolerance from configuration, failures through RemoteCalls.
 * <p>
 * Caveat (SmallRye Fault Tolerance, checked by {@code RemoteCallsTest}): a per-method key such as
 * {@code quarkus.fault-tolerance."<class>/<method>".timeout.value} is read only when that method itself carries the
 * annotation (a bare {@code @Timeout} is enough); with the annotation only on the class, the key is silently ignored.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class FakeRemoteClient extends RemoteDependency {

    private final FakeRemoteApi api;

    FakeRemoteClient(@RestClient FakeRemoteApi api, @ConfigProperty(name = "quarkus.rest-client.fake.url") String baseUrl) {
        super("fake-service", baseUrl);
        this.api = api;
    }

    public Optional<Map<String, Object>> get(int status) {
        return RemoteCalls.absentOn404(this, () -> api.status(status));
    }

    public Map<String, Object> slow() {
        return RemoteCalls.call(this, api::slow);
    }

    /** Has a per-method timeout key in application.properties, but no annotation of its own: the key is ignored. */
    public Map<String, Object> slowWithIgnoredKey() {
        return RemoteCalls.call(this, api::slow);
    }

    /** The same key, and a bare {@code @Timeout} of its own: now the key is read. */
    @Timeout
    public Map<String, Object> slowWithOwnTimeout() {
        return RemoteCalls.call(this, api::slow);
    }
}
