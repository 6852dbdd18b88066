package ai.datasuite.inference.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.inference.LimitProblem;
import ai.datasuite.inference.config.ServingConfig;
import ai.datasuite.problem.ProblemException;

/**
 * Classifies texts with a registered model: checks the request against the limits, hands the texts to the model's
 * micro-batcher and turns logits into probabilities. Used by {@code POST /api/v1/predict} and the comment workflow.
 */
@ApplicationScoped
public class PredictionService implements TextClassifier {

    private final ModelRegistry registry;
    private final ServingConfig config;

    public PredictionService(ModelRegistry registry, ServingConfig config) {
        this.registry = registry;
        this.config = config;
    }

    /** The model used when a request names none. */
    public String defaultModel() {
        return registry.defaultModel();
    }

    @Override
    public List<Prediction> classify(String modelId, List<String> texts, int topK) {
        validate(texts);
        String id = modelId == null || modelId.isBlank() ? registry.defaultModel() : modelId;
        try (ModelLease lease = registry.acquire(id)) {
            checkTopK(lease.model(), id, topK);
            return predictions(lease.model(), await(lease.batcher().submit(texts)), topK);
        }
    }

    /**
     * As {@link #classify}, for a caller that must not block (an event loop): the request is checked on this thread and
     * its texts queued for the model's dispatcher thread, where the stage completes. Empty where the model is still
     * being registered or loaded: the caller then runs {@link #classify}, which waits for it, on a worker thread.
     */
    public Optional<CompletionStage<List<Prediction>>> classifyWithoutBlocking(String modelId, List<String> texts,
                                                                              int topK) {
        validate(texts);
        String id = modelId == null || modelId.isBlank() ? registry.defaultModel() : modelId;
        ModelLease lease = registry.acquireWithoutWaiting(id);
        if (lease == null) {
            return Optional.empty();
        }
        CompletableFuture<float[][]> logits;
        try {
            checkTopK(lease.model(), id, topK);
            logits = lease.batcher().enqueue(texts);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        CompletableFuture<List<Prediction>> predictions = new CompletableFuture<>();
        logits.whenComplete((rows, failure) -> {
            try {
                if (failure != null) {
                    predictions.completeExceptionally(modelFailed(failure));
                } else {
                    predictions.complete(predictions(lease.model(), rows, topK));
                }
            } catch (RuntimeException e) {
                predictions.completeExceptionally(e);
            } finally {
                lease.close();
            }
        });
        return Optional.of(predictions);
    }

    private static void checkTopK(HfTextClassificationModel model, String id, int topK) {
        int labels = model.labels().size();
        if (topK < 0 || topK > labels) {
            throw ProblemException.validation("top_k must be between 0 and " + labels
                    + " (the number of labels of model '" + id + "')", Map.of("errors", List.of(Map.of(
                    "field", "top_k", "message", "must be between 0 and " + labels))));
        }
    }

    private static List<Prediction> predictions(HfTextClassificationModel model, float[][] logits, int topK) {
        List<Prediction> predictions = new ArrayList<>(logits.length);
        for (float[] row : logits) {
            predictions.add(prediction(model.labels(), HfTextClassificationModel.softmax(row), topK, model.version()));
        }
        return predictions;
    }

    static Prediction prediction(List<String> labels, double[] probabilities, int topK, String version) {
        Integer[] order = new Integer[probabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Ties keep label order, so the answer does not depend on the sort.
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -probabilities[i]).thenComparingInt(i -> i));
        List<LabelScore> ranked = new ArrayList<>(topK);
        for (int k = 0; k < topK; k++) {
            ranked.add(new LabelScore(labels.get(order[k]), probabilities[order[k]]));
        }
        int best = order[0];
        return new Prediction(labels.get(best), probabilities[best], List.copyOf(ranked), version);
    }

    /** 400 for no texts, a blank text or one over the length limit (naming its index); 413 for too many texts. */
    void validate(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            throw ProblemException.validation("texts must be a non-empty array of strings", Map.of("errors",
                    List.of(Map.of("field", "texts", "message", "must not be empty"))));
        }
        int maxTexts = config.limits().maxTexts();
        if (texts.size() > maxTexts) {
            throw LimitProblem.tooLarge("Too many texts",
                    texts.size() + " texts in one request; at most " + maxTexts + " are accepted",
                    "inference.serving.limits.max-texts", maxTexts, Map.of("max_texts", maxTexts, "texts", texts.size()));
        }
        int maxChars = config.limits().maxChars();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw ProblemException.validation("texts[" + i + "] is " + (text == null ? "null" : "empty or blank")
                        + "; every text needs some content", Map.of("index", i, "errors",
                        List.of(Map.of("field", "texts[" + i + "]", "message", "must not be blank"))));
            }
            int chars = text.codePointCount(0, text.length());
            if (chars > maxChars) {
                throw LimitProblem.invalid("texts[" + i + "] has " + chars + " characters; at most "
                        + maxChars + " are accepted", "inference.serving.limits.max-chars", maxChars,
                        Map.of("index", i, "max_chars", maxChars, "errors",
                        List.of(Map.of("field", "texts[" + i + "]", "message", "at most " + maxChars + " characters"))));
            }
        }
    }

    private static float[][] await(CompletableFuture<float[][]> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while predicting", e);
        } catch (ExecutionException e) {
            throw modelFailed(e.getCause());
        }
    }

    /** ONNX Runtime's text is for the log (the caller's handler logs the cause), not for answers. */
    private static IllegalStateException modelFailed(Throwable cause) {
        return new IllegalStateException("the model failed to predict", cause);
    }
}
