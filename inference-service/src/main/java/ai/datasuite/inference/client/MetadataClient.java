package ai.datasuite.inference.client;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

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
 * metadata-service's comment endpoints behind timeout, retry and circuit breaker; the numbers are in
 * application.properties ({@code quarkus.fault-tolerance."ai.datasuite.inference.client.MetadataClient..."}).
 * <p>
 * Reads and the label update (same body, same outcome) are idempotent and retried on any failure of the dependency.
 * Creating a comment, claiming and posting results are not: a retry after an attempt that arrived but whose answer was
 * lost would store the comment twice, lease a second batch, or count a failure twice. Those are retried only when the
 * request certainly never arrived ({@link RemoteNotReachedException}); a timeout is not retried because the first
 * attempt may still commit. A lost claim or results answer costs only time: the lease expires and the rows come back.
 * <p>
 * A 404 becomes an empty Optional and other 4xx a {@link RemoteRejectedException} inside the breaker, so neither
 * counts as a failure of the dependency. Failures leave as 503 {@code metadata-unavailable}.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class MetadataClient extends RemoteDependency {

    private final MetadataApi api;

    public MetadataClient(@RestClient MetadataApi api,
                          @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        super("metadata-service", baseUrl);
        this.api = api;
    }

    /** The problem type published before the shared library existed; clients match on it. */
    @Override
    public String unavailableSlug() {
        return "metadata-unavailable";
    }

    @Retry(retryOn = RemoteNotReachedException.class)
    public RemoteComment create(NewRemoteComment comment) {
        return RemoteCalls.call(this, () -> api.create(comment));
    }

    @Timeout
    public Optional<RemoteComment> get(long num) {
        return RemoteCalls.absentOn404(this, () -> api.get(num));
    }

    public RemoteCommentPage list(CommentFilter filter, int page, int size) {
        return RemoteCalls.call(this, () -> api.list(filter.user(), filter.predictedLabel(), filter.trueLabel(),
                filter.labelled(), filter.status(), filter.from(), filter.to(), page, size));
    }

    /** Sets the true label; empty when the comment does not exist. */
    @Timeout
    public Optional<RemoteComment> label(long num, LabelUpdate update) {
        return RemoteCalls.absentOn404(this, () -> api.label(num, update));
    }

    @Retry(retryOn = RemoteNotReachedException.class)
    public Claims.Answer claim(Claims.Request request) {
        return RemoteCalls.call(this, () -> api.claim(request));
    }

    @Retry(retryOn = RemoteNotReachedException.class)
    public Results.Answer results(Results.Request request) {
        return RemoteCalls.call(this, () -> api.results(request));
    }

    @Timeout
    public RemoteStats stats(String from, String to) {
        return RemoteCalls.call(this, () -> api.stats(from, to));
    }
}
