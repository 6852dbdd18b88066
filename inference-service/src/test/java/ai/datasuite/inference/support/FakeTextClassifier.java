package ai.datasuite.inference.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import ai.datasuite.inference.serving.LabelScore;
import ai.datasuite.inference.serving.Prediction;
import ai.datasuite.inference.serving.TextClassifier;
import ai.datasuite.problem.ProblemException;

/**
 * A deterministic classifier for the comment tests (enabled only by {@link CommentsTestProfile}): the label comes
 * from keywords in the text, the score from its hash. A call that contains a text with {@value #FAIL_MARKER} fails,
 * so a batch holding one fails as a whole and that text alone fails when classified on its own.
 */
@Alternative
@ApplicationScoped
public class FakeTextClassifier implements TextClassifier {

    public static final String FAIL_MARKER = "#fail";
    public static final String MODEL_VERSION = "fake-1";

    /** Answer 409 as the real registry does for an unloaded model. */
    public static final AtomicBoolean UNLOADED = new AtomicBoolean();
    /** Report no model version (as a model without one would). */
    public static final AtomicBoolean NO_VERSION = new AtomicBoolean();
    /** Calls after this many block on {@link #GATE} (to observe a running job); negative: never. */
    public static final AtomicInteger HOLD_AFTER_CALLS = new AtomicInteger(-1);
    public static final AtomicReference<CountDownLatch> GATE = new AtomicReference<>(new CountDownLatch(0));
    /** Runs inside every call (to let something happen while a batch is being classified). */
    public static final AtomicReference<Runnable> DURING = new AtomicReference<>(() -> { });

    public static final AtomicInteger CALLS = new AtomicInteger();
    /** How often each text was classified successfully. */
    public static final Map<String, AtomicInteger> CLASSIFIED = new ConcurrentHashMap<>();
    public static final List<List<String>> BATCHES = java.util.Collections.synchronizedList(new ArrayList<>());
    public static final List<String> MODEL_IDS = java.util.Collections.synchronizedList(new ArrayList<>());

    public static void reset() {
        UNLOADED.set(false);
        NO_VERSION.set(false);
        HOLD_AFTER_CALLS.set(-1);
        GATE.set(new CountDownLatch(0));
        DURING.set(() -> { });
        CALLS.set(0);
        CLASSIFIED.clear();
        BATCHES.clear();
        MODEL_IDS.clear();
    }

    /** The label this classifier gives {@code text}. */
    public static String labelOf(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("love") || t.contains("happy")) {
            return "joy";
        }
        if (t.contains("hate") || t.contains("angry")) {
            return "anger";
        }
        if (t.contains("scared")) {
            return "fear";
        }
        if (t.contains("sad")) {
            return "sadness";
        }
        if (t.contains("wow")) {
            return "surprise";
        }
        if (t.contains("gross")) {
            return "disgust";
        }
        return "neutral";
    }

    public static double scoreOf(String text) {
        return 0.5 + Math.floorMod(text.hashCode(), 50) / 100.0;
    }

    @Override
    public List<Prediction> classify(String modelId, List<String> texts, int topK) {
        int call = CALLS.getAndIncrement();
        MODEL_IDS.add(modelId);
        BATCHES.add(List.copyOf(texts));
        DURING.get().run();
        int holdAfter = HOLD_AFTER_CALLS.get();
        if (holdAfter >= 0 && call >= holdAfter) {
            try {
                if (!GATE.get().await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (UNLOADED.get()) {
            throw new ProblemException(409, "model-not-loaded", "Model not loaded",
                    "model '" + modelId + "' is not loaded; load it with POST /api/v1/classifiers/" + modelId + "/load", null);
        }
        if (texts.stream().anyMatch(t -> t.contains(FAIL_MARKER))) {
            throw new IllegalArgumentException("the fake classifier refuses texts with " + FAIL_MARKER);
        }
        List<Prediction> predictions = new ArrayList<>();
        for (String text : texts) {
            CLASSIFIED.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
            String label = labelOf(text);
            double score = scoreOf(text);
            predictions.add(new Prediction(label, score, topK == 0 ? List.of() : List.of(new LabelScore(label, score)),
                    NO_VERSION.get() ? null : MODEL_VERSION));
        }
        return predictions;
    }
}
