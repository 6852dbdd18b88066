package ai.datasuite.inference.job;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import ai.datasuite.identity.IdentityConfig;
import ai.datasuite.inference.client.MetadataClient;
import ai.datasuite.inference.config.JobsConfig;
import ai.datasuite.inference.serving.TextClassifier;

/**
 * Predicts pending comments (replaces the seed's Airflow DAG): on the cron {@code inference.jobs.predict.cron}, and on
 * demand through {@code POST /api/v1/jobs/predict}. One run at a time per instance; instances share the work through
 * metadata-service's leases. A run started on demand belongs to its caller, a scheduled one to this service; either
 * way it claims and writes back on a background thread, so metadata-service sees this service's own identity.
 */
@ApplicationScoped
public class PredictionJob {

    public static final String KIND = "predict";

    private final MetadataClient metadata;
    private final TextClassifier classifier;
    private final JobsConfig config;
    private final JobTracker tracker;
    private final String serviceName;
    private final String worker = WorkerId.create();

    public PredictionJob(MetadataClient metadata, TextClassifier classifier, JobsConfig config, JobTracker tracker,
                         IdentityConfig identity) {
        this.metadata = metadata;
        this.classifier = classifier;
        this.config = config;
        this.tracker = tracker;
        this.serviceName = identity.serviceName();
    }

    /** Starts a run for {@code caller} in the background; 409 when one is already running on this instance. */
    public JobView runNow(JobViewer caller) {
        return tracker.submit(KIND, "manual", worker, caller, this::predict);
    }

    @Scheduled(identity = "predict-comments", cron = "{inference.jobs.predict.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        tracker.runIfIdle(KIND, "scheduled", serviceName, worker, this::predict);
    }

    public String worker() {
        return worker;
    }

    private String predict(JobTracker.Job job) {
        return new BatchPredictor(metadata, classifier, config.predict(), worker).run(job);
    }
}
