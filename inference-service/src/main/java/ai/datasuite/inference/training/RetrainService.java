package ai.datasuite.inference.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.inference.LimitProblem;
import ai.datasuite.inference.client.CommentFilter;
import ai.datasuite.inference.client.MetadataClient;
import ai.datasuite.inference.client.RemoteComment;
import ai.datasuite.inference.client.RemoteCommentPage;
import ai.datasuite.inference.config.TrainingConfig;
import ai.datasuite.inference.job.JobTracker;
import ai.datasuite.inference.job.JobView;
import ai.datasuite.inference.job.JobViewer;
import ai.datasuite.inference.serving.ModelFolder;
import ai.datasuite.inference.serving.ModelRegistry;
import ai.datasuite.inference.serving.ModelView;
import ai.datasuite.problem.ProblemException;

/**
 * Retraining from feedback: a new head of the built-in emotion model on GoEmotions train plus every labelled
 * comment, evaluated on GoEmotions dev beside the served version, and promoted only when it is not worse (dev
 * macro-F1, the quality target's metric, at least the current one's) or when an admin forces it.
 */
@ApplicationScoped
public class RetrainService {

    private static final Logger LOG = Logger.getLogger(RetrainService.class);
    public static final String KIND = "retrain";
    private static final String BUILTIN_SOURCE = BuiltinEmotionModel.class.getSimpleName();
    private static final int PAGE = 500;

    private final EmotionTrainer trainer;
    private final BuiltinEmotionModel builtin;
    private final ModelRegistry registry;
    private final MetadataClient metadata;
    private final JobTracker jobs;
    private final TrainingConfig config;

    public RetrainService(EmotionTrainer trainer, BuiltinEmotionModel builtin, ModelRegistry registry,
                          MetadataClient metadata, JobTracker jobs, TrainingConfig config) {
        this.trainer = trainer;
        this.builtin = builtin;
        this.registry = registry;
        this.metadata = metadata;
        this.jobs = jobs;
        this.config = config;
    }

    /**
     * Starts a retrain job for {@code admin}; 404 for a model other than the built-in, 503 without training data. It
     * reads the labelled comments on a background thread, so with this service's own identity (all of them).
     */
    public JobView start(String modelId, boolean force, JobViewer admin) {
        if (!BuiltinEmotionModel.MODEL_ID.equals(modelId)) {
            throw ProblemException.notFound("only the built-in model '" + BuiltinEmotionModel.MODEL_ID
                    + "' can be retrained; '" + modelId + "' is served as it was exported");
        }
        String source = registry.find(modelId).map(ModelView::source).orElse(null);
        if (!BUILTIN_SOURCE.equals(source)) {
            // inference.serving.models.emotion.path serves an operator's own export under this id: never replace it.
            throw ProblemException.conflict("model '" + modelId + "' is served from " + source + ", not from the built-in"
                    + " model; retraining would replace it. Remove inference.serving.models." + modelId + ".path to retrain");
        }
        Path data = config.goemotionsPath();
        if (!Files.isRegularFile(data.resolve("train.tsv")) || !Files.isRegularFile(data.resolve("dev.tsv"))) {
            LOG.warnf("retrain refused: no GoEmotions train.tsv and dev.tsv in %s", data.toAbsolutePath());
            throw new ProblemException(503, "training-data-missing", "Training data missing",
                    "GoEmotions train.tsv and dev.tsv are not in the folder inference.training.goemotions-dir names;"
                            + " set INFERENCE_TRAINING_GOEMOTIONS_DIR to their folder", null);
        }
        return jobs.submit(KIND, "manual", admin.id(), admin, job -> run(job, force));
    }

    private String run(JobTracker.Job job, boolean force) {
        job.message("reading labelled comments from metadata-service");
        List<LabelledText> labelled = labelledComments();
        EmotionTrainer.Result trained = trainer.train(labelled, job::message);
        boolean notWorse = trained.currentMetrics() == null
                || trained.metrics().macroF1() >= trained.currentMetrics().macroF1();
        boolean promote = notWorse || force;
        if (promote) {
            job.message("promoting " + trained.version());
            // Served first, then remembered: a version that fails to load never becomes the one a restart serves.
            registry.promote(new ModelFolder(BuiltinEmotionModel.MODEL_ID, trained.version(), trained.folder()));
            builtin.promote(trained.version());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("new_version", trained.version());
        result.put("previous_version", trained.currentVersion());
        result.put("promoted", promote);
        result.put("forced", force && !notWorse);
        result.put("labelled_comments", trained.extraRows());
        result.put("train_rows", trained.trainRows());
        result.put("new_dev", metrics(trained.metrics()));
        result.put("previous_dev", trained.currentMetrics() == null ? null : metrics(trained.currentMetrics()));
        result.put("seconds", trained.took().toMillis() / 1000.0);
        job.result(result);
        String verdict = promote
                ? (notWorse ? "promoted: not worse on dev" : "promoted because forced, although worse on dev")
                : "kept " + trained.currentVersion() + ": the new version is worse on dev (POST with force=true to promote it anyway)";
        return String.format("%s trained on %d GoEmotions rows + %d labelled comments; dev macro-F1 %.4f vs %s; %s",
                trained.version(), trained.trainRows(), trained.extraRows(), trained.metrics().macroF1(),
                trained.currentMetrics() == null ? "no current metrics"
                        : String.format("%.4f (%s)", trained.currentMetrics().macroF1(), trained.currentVersion()),
                verdict);
    }

    /**
     * Every comment an annotator labelled; its true label is what the head learns. More than
     * {@code inference.training.max-labelled-comments} fails the job: they are all held and embedded.
     */
    private List<LabelledText> labelledComments() {
        List<LabelledText> texts = new ArrayList<>();
        CommentFilter labelled = new CommentFilter(null, null, null, true, null, null, null);
        int max = config.maxLabelledComments();
        for (int page = 0; ; page++) {
            RemoteCommentPage batch = metadata.list(labelled, page, PAGE);
            if (batch.total() > max || texts.size() + batch.items().size() > max) {
                throw LimitProblem.tooLarge("Too many labelled comments", Math.max(batch.total(),
                        texts.size() + batch.items().size()) + " labelled comments; a retrain reads at most " + max,
                        "inference.training.max-labelled-comments", max, null);
            }
            for (RemoteComment comment : batch.items()) {
                texts.add(new LabelledText(comment.comments(), comment.trueLabel()));
            }
            if (batch.items().size() < PAGE || (long) (page + 1) * PAGE >= batch.total()) {
                return texts;
            }
        }
    }

    private static Map<String, Object> metrics(Metrics m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("n", m.n());
        view.put("accuracy", m.accuracy());
        view.put("macro_f1", m.macroF1());
        Map<String, Object> perLabel = new LinkedHashMap<>();
        for (Metrics.PerLabel p : m.perLabel()) {
            perLabel.put(p.label(), Map.of("precision", p.precision(), "recall", p.recall(), "f1", p.f1(),
                    "support", p.support()));
        }
        view.put("per_label", perLabel);
        return view;
    }
}
