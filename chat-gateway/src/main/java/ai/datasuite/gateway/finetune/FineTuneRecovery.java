package ai.datasuite.gateway.finetune;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import ai.datasuite.gateway.client.MetadataFineTuneClient;
import ai.datasuite.gateway.client.MetadataFineTuneClient.JobPage;
import ai.datasuite.gateway.client.MetadataFineTuneClient.JobPatch;
import ai.datasuite.gateway.client.MetadataFineTuneClient.StoredJob;
import ai.datasuite.gateway.client.OpenAiFineTuningClient;
import ai.datasuite.gateway.client.StartupAttempts;
import ai.datasuite.gateway.config.FineTuneConfig;

/**
 * After a restart the jobs' records are all that is left: a job that was running at the provider is followed again;
 * one left queued, building or uploading (its in-memory work is gone) and not updated for
 * {@code gateway.fine-tune.stale-after} is marked failed with a message to start it again. Asked with the gateway's
 * service identity (everyone's jobs), off the start-up thread; metadata-service being down only logs.
 */
@ApplicationScoped
public class FineTuneRecovery {

    private static final Logger LOG = Logger.getLogger(FineTuneRecovery.class);
    private static final int PAGE_SIZE = 100;

    private final MetadataFineTuneClient metadata;
    private final FineTuneRunner runner;
    private final OpenAiFineTuningClient provider;
    private final FineTuneConfig config;

    public FineTuneRecovery(MetadataFineTuneClient metadata, FineTuneRunner runner, OpenAiFineTuningClient provider,
                            FineTuneConfig config) {
        this.metadata = metadata;
        this.runner = runner;
        this.provider = provider;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        StartupAttempts.run("checking fine-tune jobs left by a previous run", this::recover,
                config.recoveryRetryDelay(), config.recoveryAttempts());
    }

    /** False when metadata-service could not be asked (to be tried again). */
    boolean recover() {
        try {
            Instant staleBefore = Instant.now().minus(config.staleAfter());
            for (String status : List.of(FineTuneRunner.QUEUED, FineTuneRunner.BUILDING, FineTuneRunner.UPLOADING)) {
                for (StoredJob job : all(status)) {
                    if (job.updatedAt() != null && job.updatedAt().isBefore(staleBefore)) {
                        metadata.patch(job.id(), JobPatch.status(FineTuneRunner.FAILED, 1.0, "The gateway stopped"
                                + " while this job was " + status + "; start the fine-tune again."), null);
                    }
                }
            }
            for (StoredJob job : all(FineTuneRunner.RUNNING)) {
                if (job.providerJobId() != null && provider.available()) {
                    runner.resume(job);
                }
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Fine-tune jobs left by a previous run are not checked yet (%s)", e.getMessage());
            return false;
        }
    }

    private List<StoredJob> all(String status) {
        List<StoredJob> jobs = new ArrayList<>();
        int page = 0;
        JobPage batch;
        do {
            batch = metadata.list(null, status, page++, PAGE_SIZE, null);
            if (batch.items() == null) {
                break;
            }
            jobs.addAll(batch.items());
        } while (!batch.items().isEmpty() && (long) page * PAGE_SIZE < batch.total());
        return jobs;
    }
}
