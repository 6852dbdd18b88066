package ai.datasuite.gateway.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteNotReachedException;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * metadata-service's fine-tune job records (and the rated chat turns of a training set) behind timeout, retry and
 * circuit breaker. Reads and PATCHes are idempotent and retried; a create only when it never arrived (a replayed
 * create would leave a second queued job). 4xx answers are not retried nor counted; a 404 becomes "absent".
 * {@code authorization} null: the request's caller is propagated; background work passes the owner's token.
 * Numbers in application.properties ({@code quarkus.fault-tolerance."ai.datasuite.gateway.client.MetadataFineTuneClient"...}).
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class MetadataFineTuneClient extends RemoteDependency {

    /** A job as metadata-service stores it. */
    public record StoredJob(String id, String owner, String status, Double progress, Parameters parameters,
                            String baseModel, String trainingFileId, Integer examples, String providerFileId,
                            String providerJobId, String fineTunedModel, String message, Instant createdAt,
                            Instant updatedAt) {
    }

    public record Parameters(Integer epochs, Double learningRate) {
    }

    public record NewJob(int epochs, double learningRate, String baseModel, String owner) {
    }

    /** Only the fields set are sent (metadata's PATCH leaves the others). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobPatch(String status, Double progress, String trainingFileId, Integer examples,
                           String providerFileId, String providerJobId, String fineTunedModel, String message) {

        public static JobPatch status(String status, double progress, String message) {
            return new JobPatch(status, progress, null, null, null, null, null, message);
        }
    }

    public record JobPage(List<StoredJob> items, int page, int size, long total) {
    }

    public record OwnerModel(String owner, String model) {
    }

    /** An assistant answer the owner rated, with the question asked before it. */
    public record RatedTurn(String conversationId, Long messageId, String question, String answer, Integer rating) {
    }

    public record RatedTurnPage(List<RatedTurn> items, int page, int size, long total) {

        public List<RatedTurn> all() {
            return items == null ? List.of() : items;
        }
    }

    public static final String SERVICE = "metadata-service";

    private final MetadataFineTuneApi api;

    public MetadataFineTuneClient(@RestClient MetadataFineTuneApi api,
                                  @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
    }

    /** A queued job for {@code job.owner()}; the caller's identity decides whether they may name that owner. */
    @Retry(retryOn = RemoteNotReachedException.class, abortOn = RemoteRejectedException.class)
    public StoredJob create(NewJob job) {
        return RemoteCalls.call(this, () -> api.create(job));
    }

    /** The job if {@code authorization}'s user (or the caller) may see it, else empty (metadata answers 404). */
    public Optional<StoredJob> get(String id, String authorization) {
        return RemoteCalls.absentOn404(this, () -> api.get(id, authorization));
    }

    public JobPage list(String owner, String status, int page, int size, String authorization) {
        return RemoteCalls.call(this, () -> api.list(owner, status, page, size, authorization));
    }

    public StoredJob patch(String id, JobPatch patch, String authorization) {
        return RemoteCalls.call(this, () -> api.patch(id, patch, authorization));
    }

    /** The owner's fine-tuned model, empty when none succeeded yet. A chat waits for it: short timeout, no retry. */
    @Timeout
    @Retry(abortOn = RemoteRejectedException.class)
    public Optional<String> model(String owner, String authorization) {
        return RemoteCalls.absentOn404(this, () -> api.model(owner, authorization)).map(OwnerModel::model)
                .filter(model -> !model.isBlank());
    }

    public RatedTurnPage rated(String owner, int minRating, int page, int size, String authorization) {
        return RemoteCalls.call(this, () -> api.rated(owner, minRating, page, size, authorization));
    }
}
