package ai.datasuite.inference.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.datasuite.inference.config.ClassifyConfig;

/**
 * Few-shot classification: a {@link FewShotHead} fitted on the labelled examples (their distinct labels, in order of
 * first appearance, are the labels), kept in an LRU cache by a hash of the examples so a catalog categorized in
 * batches fits its head once. Texts and examples are embedded as {@code query: } texts through the shared
 * {@link TextEmbedder}, whose cache makes examples sent again free.
 */
@ApplicationScoped
public class FewShotClassifier {

    public static final String MODE = "few-shot";

    private final TextEmbedder embedder;
    private final Map<String, FewShotHead> heads;

    @Inject
    public FewShotClassifier(TextEmbedder embedder, ClassifyConfig config) {
        this(embedder, config.headCacheSize());
    }

    public FewShotClassifier(TextEmbedder embedder, int headCacheSize) {
        this.embedder = embedder;
        this.heads = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FewShotHead> eldest) {
                return size() > headCacheSize;
            }
        };
    }

    public ClassifyResponse classify(List<String> texts, List<FewShotRequest.Example> examples, int topK) {
        String hash = examplesHash(examples);
        FewShotHead head = head(hash, examples);
        float[][] vectors = embedder.queries(texts);
        double[][] probabilities = new double[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            probabilities[i] = head.probabilities(vectors[i], embedder.tokens(texts.get(i)));
        }
        return new ClassifyResponse(MODE, TextEmbedder.MODEL, modelVersion(hash),
                ClassifyResponse.rank(head.labels(), probabilities, topK));
    }

    /** The head for these examples: from the cache, else fitted (two requests racing may both fit; same result). */
    FewShotHead head(String hash, List<FewShotRequest.Example> examples) {
        synchronized (heads) {
            FewShotHead cached = heads.get(hash);
            if (cached != null) {
                return cached;
            }
        }
        List<String> labels = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] y = new int[examples.size()];
        List<String> texts = new ArrayList<>(examples.size());
        List<long[]> tokens = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            FewShotRequest.Example e = examples.get(i);
            y[i] = index.computeIfAbsent(e.label(), l -> {
                labels.add(l);
                return labels.size() - 1;
            });
            texts.add(e.text());
            tokens.add(embedder.tokens(e.text()));
        }
        FewShotHead head = FewShotHead.fit(labels, embedder.queries(texts), tokens, y);
        synchronized (heads) {
            heads.put(hash, head);
        }
        return head;
    }

    /** Number of heads in the cache (for tests). */
    int cachedHeads() {
        synchronized (heads) {
            return heads.size();
        }
    }

    static String examplesHash(List<FewShotRequest.Example> examples) {
        MessageDigest md = TextEmbedder.sha256();
        for (FewShotRequest.Example e : examples) {
            md.update(e.text().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(e.label().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 1);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** {@code e5-small-v2-q/logreg@} and 8 hex of the examples' hash. */
    static String modelVersion(String examplesHash) {
        return TextEmbedder.MODEL_ID + "/" + FewShotHead.NAME + "@" + examplesHash.substring(0, 8);
    }
}
