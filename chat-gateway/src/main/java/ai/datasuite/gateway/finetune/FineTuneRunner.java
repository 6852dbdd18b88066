package ai.datasuite.gateway.finetune;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.gateway.client.IngestClient;
import ai.datasuite.gateway.client.IngestFile;
import ai.datasuite.gateway.client.MetadataFineTuneClient;
import ai.datasuite.gateway.client.MetadataFineTuneClient.JobPatch;
import ai.datasuite.gateway.client.MetadataFineTuneClient.StoredJob;
import ai.datasuite.gateway.client.OpenAiFineTuningClient;
import ai.datasuite.gateway.client.OpenAiFineTuningClient.ProviderJob;
import ai.datasuite.gateway.config.FineTuneConfig;
import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.identity.Roles;
import ai.datasuite.problem.ProblemException;

/**
 * The background work of a fine-tune job, on a small scheduled pool ({@code gateway.fine-tune.threads}), as the job's
 * owner (a token signed for them, role user: the services' owner rules decide what is theirs). Steps: building
 * (collect, write JSONL, store it through ingest), then without a provider key {@code exported}; with one uploading,
 * running (polled every {@code poll-interval}, never a sleeping thread) until the provider's job ends or
 * {@code max-wait} passes. Every step is PATCHed to metadata-service, so the record tells the story after a restart.
 * At most {@code max-active-jobs} jobs are in flight; a slot is reserved before the record is created.
 */
@ApplicationScoped
public class FineTuneRunner {

    static final String QUEUED = "queued";
    static final String BUILDING = "building";
    static final String UPLOADING = "uploading";
    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String EXPORTED = "exported";
    static final String CANCELLED = "cancelled";
    /** Data type of the stored training files in ingest-service. */
    static final String DATA_TYPE = "fine-tune";

    private static final Logger LOG = Logger.getLogger(FineTuneRunner.class);

    private final TrainingMaterial material;
    private final IngestClient ingest;
    private final MetadataFineTuneClient metadata;
    private final OpenAiFineTuningClient provider;
    private final IdentityTokens tokens;
    private final FineTuneConfig config;
    private final FineTunedModels models;
    private final ScheduledExecutorService executor;
    private final AtomicInteger active = new AtomicInteger();

    public FineTuneRunner(TrainingMaterial material, IngestClient ingest, MetadataFineTuneClient metadata,
                          OpenAiFineTuningClient provider, IdentityTokens tokens, FineTunedModels models,
                          FineTuneConfig config) {
        this.material = material;
        this.ingest = ingest;
        this.metadata = metadata;
        this.provider = provider;
        this.tokens = tokens;
        this.models = models;
        this.config = config;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "fine-tune");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    /** Takes a slot for a new job; false when {@code max-active-jobs} are in flight. */
    boolean reserve() {
        if (active.incrementAndGet() > config.maxActiveJobs()) {
            active.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back a slot reserved for a job that was never started. */
    void release() {
        active.decrementAndGet();
    }

    int active() {
        return active.get();
    }

    /** Runs a new job (its slot reserved) from building to its end. */
    void start(StoredJob job) {
        executor.execute(() -> guarded(job.id(), job.owner(), () -> build(job)));
    }

    /** Follows a provider job again after a restart; takes a slot of its own (may exceed the bound briefly). */
    void resume(StoredJob job) {
        active.incrementAndGet();
        Instant deadline = (job.updatedAt() == null ? Instant.now() : job.updatedAt()).plus(config.maxWait());
        executor.execute(() -> guarded(job.id(), job.owner(), () -> poll(job, job.providerJobId(), deadline, 0)));
    }

    private void build(StoredJob job) {
        String owner = job.owner();
        patch(job, JobPatch.status(BUILDING, 0.05, "Collecting your Q&A datasets and rated chat answers"));
        double[] reported = {0.05};
        TrainingSet set = material.collect(owner, bearer(owner), share -> {
            double progress = 0.05 + 0.35 * share; // collecting is 0.05..0.4 of the job
            if (progress - reported[0] >= 0.05) {
                reported[0] = progress;
                patch(job, new JobPatch(null, progress, null, null, null, null, null, null));
            }
        });
        if (set.size() < config.minExamples()) {
            finish(job, new JobPatch(FAILED, 1.0, null, set.size(), null, null, null, "Only " + set.size()
                    + " training example(s) found; at least " + config.minExamples() + " are needed"
                    + " (gateway.fine-tune.min-examples). Upload a Q&A dataset (a CSV with the columns context,"
                    + " question, answer: POST /api/v1/datasets) or rate good chat answers with 1 (PUT"
                    + " /api/v1/conversations/{id}/messages/{message_id}/rating), then start again."));
            return;
        }
        IngestFile file = ingest.store(owner, Roles.USER, "fine-tune-" + job.id() + ".jsonl", set.jsonl(), DATA_TYPE);
        String summary = set.size() + " examples (" + set.fromDatasets() + " from your Q&A datasets, "
                + set.fromChats() + " from rated chat answers)";
        patch(job, new JobPatch(null, 0.5, file.id(), set.size(), null, null, null,
                "Training set stored as file " + file.id() + ": " + summary));
        if (!provider.available()) {
            finish(job, JobPatch.status(EXPORTED, 1.0, "Training set exported as file " + file.id() + " (" + summary
                    + "; download it from /api/v1/files/" + file.id() + "/content). No LLM provider key is"
                    + " configured: set SUITE_LLM_API_KEY (and SUITE_LLM_BASE_URL for a server other than OpenAI)"
                    + " on the gateway and start the fine-tune again to train a model."));
            return;
        }
        patch(job, JobPatch.status(UPLOADING, 0.6, "Uploading the training set to the LLM provider"));
        String providerFile = provider.uploadTrainingFile("fine-tune-" + job.id() + ".jsonl", set.jsonl());
        int epochs = job.parameters().epochs();
        double learningRate = job.parameters().learningRate();
        String model = job.baseModel() == null ? config.baseModel() : job.baseModel();
        ProviderJob started = provider.createJob(providerFile, model, epochs, learningRate);
        patch(job, new JobPatch(RUNNING, 0.7, null, null, providerFile, started.id(), null,
                "Fine-tuning " + model + " at the provider (job " + started.id() + ", " + started.status() + ")"));
        poll(job, started.id(), Instant.now().plus(config.maxWait()), 0);
    }

    /** One look at the provider's job; schedules the next unless it ended. */
    private void poll(StoredJob job, String providerJobId, Instant deadline, int failures) {
        ProviderJob seen;
        try {
            seen = provider.getJob(providerJobId);
        } catch (OpenAiFineTuningClient.ProviderException e) {
            if (failures + 1 >= config.maxPollFailures()) {
                throw e; // ends the job failed with the provider's words
            }
            LOG.warnf("Fine-tune job %s: status check failed (%s); asking again", job.id(), e.getMessage());
            next(job, providerJobId, deadline, failures + 1);
            return;
        }
        if (seen.finished()) {
            String status = seen.status();
            String message = switch (status) {
                case SUCCEEDED -> "Fine-tuned model " + seen.fineTunedModel() + " is ready; your chats use it now";
                case CANCELLED -> "The provider's job " + providerJobId + " was cancelled";
                default -> "The provider's job " + providerJobId + " failed"
                        + (seen.error() == null ? "" : ": " + seen.error());
            };
            finish(job, new JobPatch(status, 1.0, null, null, null, null, seen.fineTunedModel(), message));
            models.forget(job.owner()); // the owner's next chat asks for the new model
            return;
        }
        if (Instant.now().isAfter(deadline)) {
            finish(job, JobPatch.status(FAILED, 1.0, "The provider's job " + providerJobId + " did not finish within "
                    + config.maxWait() + " (gateway.fine-tune.max-wait); it was still " + seen.status()
                    + " and may still finish at the provider"));
            return;
        }
        next(job, providerJobId, deadline, 0);
    }

    private void next(StoredJob job, String providerJobId, Instant deadline, int failures) {
        executor.schedule(() -> guarded(job.id(), job.owner(), () -> poll(job, providerJobId, deadline, failures)),
                config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs a step; any failure ends the job {@code failed} with what went wrong, in words its owner can act on. */
    private void guarded(String jobId, String owner, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (e instanceof OpenAiFineTuningClient.ProviderException || e instanceof ProblemException) {
                LOG.warnf("Fine-tune job %s failed: %s", jobId, e.getMessage()); // explained; no trace needed
            } else {
                LOG.errorf(e, "Fine-tune job %s failed unexpectedly", jobId);
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            active.decrementAndGet();
            try {
                metadata.patch(jobId, JobPatch.status(FAILED, 1.0, truncate("The job failed: " + reason
                        + ". Start it again when the cause is fixed.")), bearer(owner));
            } catch (RuntimeException patchFailed) {
                LOG.errorf(patchFailed, "Fine-tune job %s: could not record its failure", jobId);
            }
        }
    }

    private void patch(StoredJob job, JobPatch patch) {
        metadata.patch(job.id(), patch.message() == null ? patch : withMessage(patch), bearer(job.owner()));
    }

    /** The last PATCH of a job; its slot is free afterwards. */
    private void finish(StoredJob job, JobPatch patch) {
        patch(job, patch);
        active.decrementAndGet();
    }

    private static JobPatch withMessage(JobPatch patch) {
        return new JobPatch(patch.status(), patch.progress(), patch.trainingFileId(), patch.examples(),
                patch.providerFileId(), patch.providerJobId(), patch.fineTunedModel(), truncate(patch.message()));
    }

    /** metadata-service keeps at most 1000 characters of a message. */
    private static String truncate(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 997) + "...";
    }

    private String bearer(String owner) {
        return "Bearer " + tokens.mint(owner, Roles.USER);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
