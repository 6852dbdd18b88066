package ai.datasuite.gateway.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.gateway.client.MetadataFineTuneClient;
import ai.datasuite.gateway.client.MetadataFineTuneClient.JobPage;
import ai.datasuite.gateway.client.MetadataFineTuneClient.NewJob;
import ai.datasuite.gateway.client.MetadataFineTuneClient.StoredJob;
import ai.datasuite.gateway.config.FineTuneConfig;
import ai.datasuite.gateway.finetune.FineTuneRequest.FineTuneParameters;
import ai.datasuite.problem.ProblemException;

/**
 * Starts and shows fine-tune jobs. The record lives in metadata-service (created and read with the caller's
 * identity, so its owner rules apply: another user's job is 404); the work runs in {@link FineTuneRunner}.
 */
@ApplicationScoped
public class FineTuneService {

    private final MetadataFineTuneClient metadata;
    private final FineTuneRunner runner;
    private final FineTuneConfig config;

    public FineTuneService(MetadataFineTuneClient metadata, FineTuneRunner runner, FineTuneConfig config) {
        this.metadata = metadata;
        this.runner = runner;
        this.config = config;
    }

    /** Checks the parameters, records a queued job for {@code owner} and starts it; 503 when too many run. */
    public StoredJob start(String owner, FineTuneParameters parameters) {
        if (!runner.reserve()) {
            throw new ProblemException(503, "fine-tune-busy", "Too many fine-tune jobs",
                    config.maxActiveJobs() + " fine-tune jobs are in progress, the most this gateway runs at once"
                            + " (gateway.fine-tune.max-active-jobs); retry in a few minutes.",
                    Map.of("max_active_jobs", config.maxActiveJobs()))
                    .withHeader("Retry-After", "60");
        }
        StoredJob job;
        try {
            job = metadata.create(new NewJob(parameters.epochs().intValue(), parameters.learningRate(),
                    config.baseModel(), owner));
        } catch (RuntimeException e) {
            runner.release();
            throw e;
        }
        runner.start(job);
        return job;
    }

    /** The job if the caller may see it (metadata-service decides). */
    public Optional<FineTuneJobView> get(String id) {
        return metadata.get(id, null).map(FineTuneJobView::of);
    }

    /** {@code owner} null: everyone's (admins only; metadata-service applies the rules). */
    public FineTuneJobPage list(String owner, int page, int size) {
        JobPage jobs = metadata.list(owner, null, page, size, null);
        return new FineTuneJobPage(jobs.items().stream().map(FineTuneJobView::of).toList(), jobs.page(), jobs.size(),
                jobs.total());
    }

    /** 400 naming every wrong field, with the limits and their configuration keys. */
    public void validate(FineTuneRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (request == null || request.parameters() == null) {
            errors.add(error("parameters", "is required: {\"epochs\": 5, \"learning_rate\": 0.001}"));
        } else {
            Number epochs = request.parameters().epochs();
            if (epochs == null) {
                errors.add(error("parameters.epochs", "is required"));
            } else if (!whole(epochs) || epochs.doubleValue() < 1 || epochs.doubleValue() > config.maxEpochs()) {
                errors.add(error("parameters.epochs", "must be a whole number from 1 to " + config.maxEpochs()
                        + " (gateway.fine-tune.max-epochs)"));
            }
            Double rate = request.parameters().learningRate();
            if (rate == null) {
                errors.add(error("parameters.learning_rate", "is required"));
            } else if (!(rate > 0) || rate > config.maxLearningRate() || rate.isInfinite()) {
                errors.add(error("parameters.learning_rate", "must be above 0 and at most "
                        + config.maxLearningRate() + " (gateway.fine-tune.max-learning-rate)"));
            }
        }
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                    .toList());
            throw ProblemException.validation(detail, Map.of("errors", errors));
        }
    }

    private static boolean whole(Number number) {
        double value = number.doubleValue();
        return !Double.isInfinite(value) && value == Math.rint(value);
    }

    private static Map<String, Object> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
