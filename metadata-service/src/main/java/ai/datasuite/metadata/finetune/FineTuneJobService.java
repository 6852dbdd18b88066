package ai.datasuite.metadata.finetune;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.metadata.config.MetadataConfig;

/**
 * The record of users' fine-tune jobs. chat-gateway drives a job through its states and PATCHes each step; this
 * service keeps no state machine of its own (the gateway knows the provider's answers), only valid values. Look-ups
 * take a {@code visible} test of the owner; a job it refuses is answered as absent.
 */
@ApplicationScoped
@Transactional
public class FineTuneJobService {

    private final FineTuneJobRepository jobs;
    private final MetadataConfig.FineTune limits;

    public FineTuneJobService(FineTuneJobRepository jobs, MetadataConfig config) {
        this.jobs = jobs;
        this.limits = config.fineTune();
    }

    public FineTuneJobView create(FineTuneJobCreateRequest request, String owner) {
        if (request.epochs().intValueExact() > limits.maxEpochs()) {
            throw InvalidField.problem("epochs", "must be between 1 and " + limits.maxEpochs());
        }
        FineTuneJob job = new FineTuneJob();
        job.setId(UUID.randomUUID().toString());
        job.setOwnerId(owner);
        job.setStatus(FineTuneStatus.QUEUED);
        job.setProgress(0);
        job.setEpochs(request.epochs().intValueExact());
        job.setLearningRate(request.learningRate());
        job.setBaseModel(request.baseModel() == null || request.baseModel().isBlank() ? null : request.baseModel());
        job.setCreatedAt(Persistence.now());
        job.setUpdatedAt(job.getCreatedAt());
        jobs.persist(job);
        return FineTuneJobView.of(job);
    }

    /** Newest first (created_at desc, then id); {@code owner} null lists everyone's, {@code status} null any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<FineTuneJobView> list(String owner, String status, int page, int size) {
        if (status != null && !FineTuneStatus.ALL.contains(status)) {
            throw InvalidField.problem("status", FineTuneStatus.MESSAGE);
        }
        Persistence.Where where = new Persistence.Where().equal("ownerId", owner).equal("status", status);
        PanacheQuery<FineTuneJob> found = jobs.find(where.clause(),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), where.parameters());
        List<FineTuneJobView> items = found.page(Persistence.page(page, size)).list().stream()
                .map(FineTuneJobView::of).toList();
        return new PageView<>(items, page, size, found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FineTuneJobView> find(String id, Predicate<String> visible) {
        return visible(id, visible).map(FineTuneJobView::of);
    }

    /** Applies the fields given; empty when absent or not visible. */
    public Optional<FineTuneJobView> update(String id, FineTuneJobPatchRequest patch, Predicate<String> visible) {
        return visible(id, visible).map(j -> {
            if (patch.status() != null) {
                j.setStatus(patch.status());
            }
            if (patch.progress() != null) {
                j.setProgress(patch.progress());
            }
            if (patch.trainingFileId() != null) {
                j.setTrainingFileId(patch.trainingFileId().toLowerCase(Locale.ROOT));
            }
            if (patch.examples() != null) {
                j.setExamples(patch.examples());
            }
            if (patch.providerFileId() != null) {
                j.setProviderFileId(patch.providerFileId());
            }
            if (patch.providerJobId() != null) {
                j.setProviderJobId(patch.providerJobId());
            }
            if (patch.fineTunedModel() != null) {
                j.setFineTunedModel(patch.fineTunedModel());
            }
            if (patch.message() != null) {
                j.setMessage(patch.message().isBlank() ? null : patch.message());
            }
            j.setUpdatedAt(Persistence.now());
            return FineTuneJobView.of(j);
        });
    }

    /** The fine-tuned model of the owner's most recently updated succeeded job that has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FineTunedModelView> model(String owner) {
        return jobs.find("ownerId = :owner and status = :status and fineTunedModel is not null",
                        Sort.descending("updatedAt").and("createdAt", Sort.Direction.Descending)
                                .and("id", Sort.Direction.Descending),
                        Parameters.with("owner", owner).and("status", FineTuneStatus.SUCCEEDED))
                .firstResultOptional()
                .map(j -> new FineTunedModelView(owner, j.getFineTunedModel()));
    }

    private Optional<FineTuneJob> visible(String id, Predicate<String> visible) {
        return jobs.findByIdOptional(id.toLowerCase(Locale.ROOT)).filter(j -> visible.test(j.getOwnerId()));
    }
}
