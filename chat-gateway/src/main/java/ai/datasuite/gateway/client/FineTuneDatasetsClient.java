package ai.datasuite.gateway.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * The owner's Q&A datasets in retrieval-service (catalogue pages and row pages), for fine-tune training sets. Reads
 * only, so retried; 4xx answers are neither retried nor counted by the breaker. Numbers in application.properties
 * ({@code quarkus.fault-tolerance."ai.datasuite.gateway.client.FineTuneDatasetsClient"...}).
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class FineTuneDatasetsClient extends RemoteDependency {

    /** A dataset's catalogue entry (the fields read here). */
    public record Dataset(String id, String name, Integer rows, String owner) {
    }

    /** retrieval-service names the list {@code datasets}; {@code items} (the suite's usual page) is read too. */
    public record DatasetPage(List<Dataset> datasets, List<Dataset> items, int page, int size, long total) {

        public List<Dataset> all() {
            return datasets != null ? datasets : items != null ? items : List.of();
        }
    }

    /** One Q&A row. */
    public record Row(Integer row, String question, String answer, String context) {
    }

    public record RowPage(String datasetId, long total, int page, int size, List<Row> rows) {

        public List<Row> all() {
            return rows == null ? List.of() : rows;
        }
    }

    public static final String SERVICE = "retrieval-service";

    private final FineTuneDatasetsApi api;

    public FineTuneDatasetsClient(@RestClient FineTuneDatasetsApi api,
                                  @ConfigProperty(name = "quarkus.rest-client.retrieval.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
    }

    public DatasetPage list(String owner, int page, int size, String authorization) {
        return RemoteCalls.call(this, () -> api.list(owner, page, size, authorization));
    }

    public RowPage rows(String datasetId, int page, int size, String authorization) {
        return RemoteCalls.call(this, () -> api.rows(datasetId, page, size, authorization));
    }
}
