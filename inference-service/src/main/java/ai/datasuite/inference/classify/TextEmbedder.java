package ai.datasuite.inference.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.datasuite.inference.config.ClassifyConfig;
import ai.datasuite.inference.config.ServingConfig;
import ai.datasuite.inference.training.E5Encoder;

/**
 * The one e5-small-v2 encoder the classifiers share (loaded on first use, so a service that never classifies never
 * pays for it), with e5's prefixes written into the text: {@code query: } for texts to classify, {@code passage: }
 * for label texts and descriptions. Vectors are L2-normalized (a dot product is the cosine) and kept in an LRU
 * cache by a hash of the prefixed text, so a catalog classified twice, or few-shot examples sent again, are embedded
 * once.
 */
@ApplicationScoped
public class TextEmbedder {

    public static final String MODEL = "e5-small-v2";
    /** Names the encoder in model versions: the quantized e5-small-v2 from the LangChain4j jar. */
    public static final String MODEL_ID = "e5-small-v2-q";
    public static final String QUERY = "query: ";
    public static final String PASSAGE = "passage: ";

    private final int threads;
    private final int batchSize;
    private final Map<String, float[]> cache;
    private volatile E5Encoder encoder;

    @Inject
    public TextEmbedder(ClassifyConfig config, ServingConfig serving) {
        this(serving.onnx().intraOpThreads().orElse(Runtime.getRuntime().availableProcessors()),
                config.batchSize(), config.embeddingCacheSize());
    }

    public TextEmbedder(int threads, int batchSize, int cacheSize) {
        this.threads = threads;
        this.batchSize = batchSize;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** Embeddings of texts to classify ({@code query: }), in order. */
    public float[][] queries(List<String> texts) {
        return embed(QUERY, texts);
    }

    /** Embeddings of label names and descriptions ({@code passage: }), in order. */
    public float[][] passages(List<String> texts) {
        return embed(PASSAGE, texts);
    }

    /** WordPiece ids of {@code text} without any prefix (the few-shot head's TF-IDF features). */
    public long[] tokens(String text) {
        return encoder().tokenizePlain(text);
    }

    private float[][] embed(String prefix, List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<String> keys = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        Map<String, Integer> firstMissing = new LinkedHashMap<>();
        synchronized (cache) {
            for (int i = 0; i < texts.size(); i++) {
                String key = hash(prefix + texts.get(i));
                keys.add(key);
                out[i] = cache.get(key);
                if (out[i] == null && firstMissing.putIfAbsent(key, i) == null) {
                    missing.add(i);
                }
            }
        }
        if (!missing.isEmpty()) {
            E5Encoder e5 = encoder();
            List<long[]> ids = new ArrayList<>(missing.size());
            for (int i : missing) {
                ids.add(e5.tokenizePlain(prefix + texts.get(i)));
            }
            float[][] computed = e5.embed(ids, batchSize, null);
            synchronized (cache) {
                for (int m = 0; m < missing.size(); m++) {
                    float[] v = normalized(computed[m]);
                    cache.put(keys.get(missing.get(m)), v);
                    out[missing.get(m)] = v;
                }
            }
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) {
                    out[i] = out[firstMissing.get(keys.get(i))];
                }
            }
        }
        return out;
    }

    private E5Encoder encoder() {
        E5Encoder e = encoder;
        if (e == null) {
            synchronized (this) {
                e = encoder;
                if (e == null) {
                    e = new E5Encoder(threads);
                    encoder = e;
                }
            }
        }
        return e;
    }

    static float[] normalized(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        double n = Math.sqrt(s);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (n == 0 ? 0 : v[i] / n);
        }
        return out;
    }

    static String hash(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        E5Encoder e = encoder;
        if (e != null) {
            e.close();
        }
    }
}
