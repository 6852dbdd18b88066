package ai.datasuite.inference.job;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import ai.datasuite.inference.EmotionLabels;
import ai.datasuite.inference.client.Claims;
import ai.datasuite.inference.client.MetadataClient;
import ai.datasuite.inference.client.Results;
import ai.datasuite.inference.config.JobsConfig;
import ai.datasuite.inference.serving.Prediction;
import ai.datasuite.inference.serving.TextClassifier;
import ai.datasuite.problem.ProblemException;

/**
 * One run of the prediction job for one worker: claim a batch of pending comments (leased to this worker), classify
 * it, write the results back, repeat until nothing is pending or the run's batch limit is reached.
 * <p>
 * metadata-service guarantees that a row is leased to one worker at a time and accepts a prediction only from the
 * worker holding the lease, so concurrent workers never both write a comment. When a batch fails as a whole its texts
 * are classified one by one, so one bad text fails alone; its failure is reported at the end of the run and it is
 * retried by later runs until the attempts are used up. When the model itself is unavailable (unknown, unloaded) nothing is reported as
 * failed, because that is no fault of the comments: the run stops and the leases run out.
 */
class BatchPredictor {

    private static final Logger LOG = Logger.getLogger(BatchPredictor.class);
    static final int MAX_ERROR_LENGTH = 500;

    /** Where a run reports its counters, after every batch. */
    public interface Progress {
        void claimed(int n);

        void predicted(int n);

        void failed(int n);

        void rejected(int n);
    }

    private final MetadataClient metadata;
    private final TextClassifier classifier;
    private final JobsConfig.Predict config;
    private final String worker;

    public BatchPredictor(MetadataClient metadata, TextClassifier classifier, JobsConfig.Predict config, String worker) {
        this.metadata = metadata;
        this.classifier = classifier;
        this.config = config;
        this.worker = worker;
    }

    /** Runs until nothing is left to claim or the batch limit is reached; returns a summary. */
    public String run(Progress progress) {
        int leaseSeconds = (int) Math.max(1, Math.min(3600, config.lease().toSeconds()));
        int batches = 0;
        int claimed = 0;
        int predicted = 0;
        int rejected = 0;
        // Failures are reported when the run ends: until then their rows stay leased to this worker, so this run does
        // not claim them again at once; later runs retry them.
        List<Results.Failed> failures = new ArrayList<>();
        boolean done = false;
        try {
            while (batches < config.maxBatchesPerRun()) {
                Claims.Answer answer = metadata.claim(
                        new Claims.Request(worker, config.batchSize(), leaseSeconds, config.maxAttempts()));
                List<Claims.Claimed> batch = answer.claimed() == null ? List.of() : answer.claimed();
                if (batch.isEmpty()) {
                    break;
                }
                batches++;
                claimed += batch.size();
                progress.claimed(batch.size());
                Outcome outcome = classify(batch);
                failures.addAll(outcome.failures);
                progress.failed(outcome.failures.size());
                if (!outcome.predictions.isEmpty()) {
                    Results.Answer written = metadata.results(
                            new Results.Request(worker, outcome.predictions, List.of()));
                    int lost = written.rejected() == null ? 0 : written.rejected().size();
                    if (lost > 0) {
                        LOG.warnf("worker %s: %d predictions rejected (lease expired and taken over): %s", worker,
                                lost, written.rejected());
                    }
                    predicted += outcome.predictions.size() - lost;
                    rejected += lost;
                    progress.predicted(outcome.predictions.size() - lost);
                    progress.rejected(lost);
                }
            }
            done = true;
        } finally {
            reportFailures(failures, done);
        }
        String more = batches == config.maxBatchesPerRun() ? "; stopped at the batch limit, the next run continues" : "";
        return String.format("%d batches: %d claimed, %d predicted, %d failed, %d rejected%s",
                batches, claimed, predicted, failures.size(), rejected, more);
    }

    private void reportFailures(List<Results.Failed> failures, boolean mustSucceed) {
        if (failures.isEmpty()) {
            return;
        }
        try {
            metadata.results(new Results.Request(worker, List.of(), failures));
        } catch (RuntimeException e) {
            if (mustSucceed) {
                throw e;
            }
            // The run is failing already; its leases run out and the texts are retried without the attempt counted.
            LOG.warnf("worker %s: could not report %d failures: %s", worker, failures.size(), e.getMessage());
        }
    }

    private record Outcome(List<Results.Predicted> predictions, List<Results.Failed> failures) {
    }

    private Outcome classify(List<Claims.Claimed> batch) {
        List<Results.Predicted> predictions = new ArrayList<>();
        List<Results.Failed> failures = new ArrayList<>();
        try {
            List<Prediction> all = classifier.classify(config.modelId(), batch.stream().map(Claims.Claimed::comments)
                    .toList(), 0);
            if (all.size() != batch.size()) {
                throw new IllegalStateException("the classifier answered " + all.size() + " predictions for "
                        + batch.size() + " texts");
            }
            for (int i = 0; i < batch.size(); i++) {
                add(batch.get(i), all.get(i), predictions, failures);
            }
        } catch (RuntimeException batchFailure) {
            if (modelUnavailable(batchFailure)) {
                throw (ProblemException) batchFailure;
            }
            LOG.infof("worker %s: a batch of %d failed (%s); classifying its texts one by one", worker, batch.size(),
                    batchFailure.getMessage());
            predictions.clear();
            failures.clear();
            for (Claims.Claimed comment : batch) {
                try {
                    add(comment, classifier.classify(config.modelId(), List.of(comment.comments()), 0).get(0),
                            predictions, failures);
                } catch (RuntimeException single) {
                    if (modelUnavailable(single)) {
                        throw (ProblemException) single;
                    }
                    LOG.warnf(single, "worker %s: comment %d could not be predicted", worker, comment.num());
                    failures.add(new Results.Failed(comment.num(), truncate(describe(single))));
                }
            }
        }
        return new Outcome(predictions, failures);
    }

    private void add(Claims.Claimed comment, Prediction p, List<Results.Predicted> predictions,
                     List<Results.Failed> failures) {
        if (EmotionLabels.isLabel(p.label())) {
            predictions.add(new Results.Predicted(comment.num(), p.label(), p.score(), p.recordedVersion(config.modelId())));
        } else {
            failures.add(new Results.Failed(comment.num(), truncate("model '" + config.modelId() + "' answered label '"
                    + p.label() + "', which is not one of " + EmotionLabels.ALL)));
        }
    }

    /** Unknown model (404), unloaded (409) or not ready (503): a problem of the service, not of the comment. */
    static boolean modelUnavailable(RuntimeException e) {
        return e instanceof ProblemException p && (p.status() == 404 || p.status() == 409 || p.status() == 503);
    }

    private static String describe(RuntimeException e) {
        if (e instanceof ProblemException p) {
            return p.status() + " " + p.detail();
        }
        // Stored as the comment's last_error, which its author reads: no exception text (the log above has it).
        return "the model failed to predict this text (internal error; the inference-service log has the details)";
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
