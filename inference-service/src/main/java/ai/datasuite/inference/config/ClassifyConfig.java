package ai.datasuite.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Zero-shot and few-shot classification on e5 embeddings, under the {@code inference.classify.} prefix. */
@ConfigMapping(prefix = "inference.classify")
public interface ClassifyConfig {

    /** Most texts in one request; above it the answer is 413. */
    @WithDefault("256")
    int maxTexts();

    /** Most labels in one zero-shot request (and distinct example labels in a few-shot one); above it 400. */
    @WithDefault("100")
    int maxLabels();

    /** Most examples in one few-shot request; above it 413. */
    @WithDefault("5000")
    int maxExamples();

    /** Most characters (code points) in one text, example or label description; above it 400. */
    @WithDefault("10000")
    int maxTextChars();

    /** Most ranked labels a caller may ask for per text ({@code top_k}). */
    @WithDefault("100")
    int maxTopK();

    /** Embeddings kept in memory, by a hash of the prefixed text (about 1.6 KB each). */
    @WithDefault("50000")
    int embeddingCacheSize();

    /** Fitted few-shot heads kept in memory, by a hash of the examples. */
    @WithDefault("32")
    int headCacheSize();

    /**
     * Temperature of the softmax over cosine similarities that turns zero-shot similarities into scores; e5's
     * similarities sit close together, so a small temperature spreads them.
     */
    @WithDefault("0.01")
    double zeroShotTemperature();

    /** Texts embedded in one ONNX Runtime run. */
    @WithDefault("32")
    int batchSize();
}
