package ai.datasuite.gateway.client;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.annotation.JsonInclude;

import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * inference-service's zero-shot and few-shot classification behind timeout, retry and circuit breaker
 * ({@code quarkus.fault-tolerance."ai.datasuite.gateway.client.InferenceClassifyClient"...}). Both calls change
 * nothing, so they are retried; they embed on the CPU, so the timeout is long.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class InferenceClassifyClient extends RemoteDependency {

    public static final String SERVICE = "inference-service";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ZeroShot(List<String> texts, List<String> labels, Map<String, String> labelDescriptions,
                           Integer topK) {
    }

    public record Example(String text, String label) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FewShot(List<String> texts, List<Example> examples, Integer topK) {
    }

    public record Ranked(String label, double score) {
    }

    public record Result(String label, double score, List<Ranked> ranked) {
    }

    /** One result per text, in order. */
    public record Classified(String mode, String model, String modelVersion, List<Result> results) {

        public List<Result> all() {
            return results == null ? List.of() : results;
        }
    }

    private final InferenceClassifyApi api;

    public InferenceClassifyClient(@RestClient InferenceClassifyApi api,
                                   @ConfigProperty(name = "quarkus.rest-client.inference.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
    }

    public Classified zeroShot(ZeroShot request, String authorization) {
        return RemoteCalls.call(this, () -> api.zeroShot(request, authorization));
    }

    public Classified fewShot(FewShot request, String authorization) {
        return RemoteCalls.call(this, () -> api.fewShot(request, authorization));
    }
}
