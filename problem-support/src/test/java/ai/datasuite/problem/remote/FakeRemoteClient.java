package ai.datasuite.problem.remote;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A client bean as the services write them: fault tolerance from configuration, failures through RemoteCalls. */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class FakeRemoteClient implements RemoteCall.Dependency {

    private final FakeRemoteApi api;
    private final String baseUrl;

    FakeRemoteClient(@RestClient FakeRemoteApi api, @ConfigProperty(name = "quarkus.rest-client.fake.url") String baseUrl) {
        this.api = api;
        this.baseUrl = baseUrl;
    }

    @Override
    public String service() {
        return "fake-service";
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    public Optional<Map<String, Object>> get(int status) {
        return RemoteCalls.absentOn404(this, () -> api.status(status));
    }

    public Map<String, Object> slow() {
        return RemoteCalls.call(this, api::slow);
    }
}
