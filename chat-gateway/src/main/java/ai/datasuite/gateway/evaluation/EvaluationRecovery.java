package ai.datasuite.gateway.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import ai.datasuite.gateway.client.MetadataEvaluationsClient;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.Evaluation;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.EvaluationPage;
import ai.datasuite.gateway.client.StartupAttempts;
import ai.datasuite.gateway.config.EvaluationConfig;
import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.identity.Roles;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * After a restart, runs left queued or running by the stopped gateway are started again: only their pending rows
 * are done (finished rows stay), with the role their owner had and the vision choice they were asked with (both
 * stored with the run; a run without them reads as an annotator with {@code gateway.evaluations.vision}). Asked
 * with the gateway's service identity, off the start-up thread; without an LLM configured they are left as they are (logged).
 */
@ApplicationScoped
public class EvaluationRecovery {

    private static final Logger LOG = Logger.getLogger(EvaluationRecovery.class);
    private static final int PAGE_SIZE = 100;

    private final MetadataEvaluationsClient metadata;
    private final EvaluationRunner runner;
    private final EvaluationModels models;
    private final IdentityTokens tokens;
    private final EvaluationConfig config;

    public EvaluationRecovery(MetadataEvaluationsClient metadata, EvaluationRunner runner, EvaluationModels models,
                              IdentityTokens tokens, EvaluationConfig config) {
        this.metadata = metadata;
        this.runner = runner;
        this.models = models;
        this.tokens = tokens;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        StartupAttempts.run("resuming evaluation runs left by a previous run", this::recover,
                config.recoveryRetryDelay(), config.recoveryAttempts());
    }

    /** False when metadata-service could not be asked (to be tried again). */
    boolean recover() {
        try {
            String service = "Bearer " + tokens.mintForService();
            int page = 0;
            int resumed = 0;
            EvaluationPage batch;
            do {
                batch = metadata.list(page++, PAGE_SIZE, service);
                for (Evaluation run : batch.all()) {
                    if (!EvaluationRunner.QUEUED.equals(run.status()) && !EvaluationRunner.RUNNING.equals(run.status())) {
                        continue;
                    }
                    if (!models.configured()) {
                        LOG.warnf("Evaluation %s was left %s; no LLM is configured, so it is not resumed", run.id(),
                                run.status());
                    } else if (runner.start(run, run.ownerRole() == null ? Roles.ANNOTATOR : run.ownerRole(),
                            run.vision() == null ? config.vision() : run.vision())) {
                        resumed++;
                    }
                }
            } while (!batch.all().isEmpty() && (long) page * PAGE_SIZE < batch.total());
            if (resumed > 0) {
                LOG.infof("Resumed %d evaluation run(s) left by a previous run", resumed);
            }
            return true;
        } catch (RemoteRejectedException e) {
            // metadata-service answered but refused (e.g. a version without evaluation runs): asking again won't help
            LOG.warnf("Evaluation runs left by a previous run are not resumed: %s", e.getMessage());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Evaluation runs left by a previous run are not resumed yet (%s)", e.getMessage());
            return false;
        }
    }
}
