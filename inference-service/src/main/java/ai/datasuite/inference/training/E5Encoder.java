package ai.datasuite.inference.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The frozen e5-small-v2 (quantized) encoder from the LangChain4j jar on the classpath: tokenizes (with the
 * {@code query: } prefix added by the tokenizer's own post-processor) and mean-pools {@code last_hidden_state}.
 * {@link #tokenizePlain} tokenizes without that prefix, for callers that write e5's prefix themselves
 * ({@code passage: } for label texts in zero-shot classification).
 */
public final class E5Encoder implements AutoCloseable {

    public static final String MODEL_RESOURCE = "/e5-small-v2-q.onnx";
    public static final String TOKENIZER_RESOURCE = "/e5-small-v2-q-tokenizer.json";
    public static final int MAX_LENGTH = 512;
    public static final int DIM = 384;
    /** e5 expects {@code query: } before a text to classify; these are its WordPiece ids ("query", ":"). */
    static final String PREFIX_TOKEN = "query:";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final HuggingFaceTokenizer plainTokenizer;

    public E5Encoder(int intraOpThreads) {
        try {
            env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(intraOpThreads);
                options.setInterOpNumThreads(1);
                session = env.createSession(encoderBytes(), options);
            }
            tokenizer = newTokenizer(tokenizerJson());
            plainTokenizer = newTokenizer(resource(TOKENIZER_RESOURCE));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the e5 encoder", e);
        }
    }

    /** The encoder that features are computed with: the jar's graph made batch-invariant. */
    public static byte[] encoderBytes() {
        return OnnxGraphs.batchInvariantEncoder(modelBytes()).toByteArray();
    }

    /** The e5 ONNX graph as shipped in the jar. */
    public static byte[] modelBytes() {
        return resource(MODEL_RESOURCE);
    }

    /**
     * The jar's tokenizer.json with the post-processor emitting {@code [CLS] query : ... [SEP]}: the prefix travels as
     * special tokens so that any loader reading this file tokenizes exactly as training did.
     */
    public static byte[] tokenizerJson() {
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = (ObjectNode) mapper.readTree(resource(TOKENIZER_RESOURCE));
            ObjectNode vocab = (ObjectNode) root.path("model").path("vocab");
            ObjectNode post = (ObjectNode) root.get("post_processor");
            ObjectNode special = (ObjectNode) post.get("special_tokens");
            ObjectNode prefix = mapper.createObjectNode();
            prefix.put("id", PREFIX_TOKEN);
            prefix.putArray("ids").add(vocab.get("query").asInt()).add(vocab.get(":").asInt());
            prefix.putArray("tokens").add("query").add(":");
            special.set(PREFIX_TOKEN, prefix);
            for (String template : List.of("single", "pair")) {
                ArrayNode items = (ArrayNode) post.get(template);
                ObjectNode token = mapper.createObjectNode();
                token.putObject("SpecialToken").put("id", PREFIX_TOKEN).put("type_id", 0);
                items.insert(1, token);
            }
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tokenizer as a serving loader would build it: special tokens, truncation to 512, no padding. */
    public static HuggingFaceTokenizer newTokenizer(byte[] tokenizerJson) {
        try (InputStream in = new ByteArrayInputStream(tokenizerJson)) {
            return HuggingFaceTokenizer.newInstance(in, Map.of("addSpecialTokens", "true", "padding", "false",
                    "truncation", "true", "maxLength", String.valueOf(MAX_LENGTH)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = E5Encoder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long[] tokenize(String text) {
        Encoding e = tokenizer.encode(text);
        return e.getIds();
    }

    /** Token ids of {@code text} as given: no {@code query: } added (the caller writes e5's prefix into the text). */
    public long[] tokenizePlain(String text) {
        return plainTokenizer.encode(text).getIds();
    }

    public List<long[]> tokenize(List<String> texts) {
        List<long[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(tokenize(t));
        }
        return out;
    }

    /**
     * Mean-pooled embeddings of the token sequences, in input order. Sequences are batched by length (a stable order,
     * so the result does not depend on timing) to keep padding small.
     */
    public float[][] embed(List<long[]> ids, int batchSize, IntConsumer progress) {
        Integer[] order = IntStream.range(0, ids.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> ids.get(i).length).thenComparingInt(i -> i));
        float[][] out = new float[ids.size()][];
        for (int start = 0; start < order.length; start += batchSize) {
            int n = Math.min(batchSize, order.length - start);
            List<long[]> batch = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                batch.add(ids.get(order[start + k]));
            }
            float[][] pooled = embedBatch(batch);
            for (int k = 0; k < n; k++) {
                out[order[start + k]] = pooled[k];
            }
            if (progress != null) {
                progress.accept(start + n);
            }
        }
        return out;
    }

    float[][] embedBatch(List<long[]> batch) {
        int n = batch.size();
        int len = batch.stream().mapToInt(a -> a.length).max().orElse(0);
        long[] idsFlat = new long[n * len];
        long[] maskFlat = new long[n * len];
        for (int i = 0; i < n; i++) {
            long[] a = batch.get(i);
            System.arraycopy(a, 0, idsFlat, i * len, a.length);
            java.util.Arrays.fill(maskFlat, i * len, i * len + a.length, 1L);
        }
        long[] shape = {n, len};
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(idsFlat), shape);
                OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(maskFlat), shape);
                OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * len]), shape);
                OrtSession.Result r = session.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            float[][][] hidden = (float[][][]) r.get(0).getValue();
            float[][] pooled = new float[n][DIM];
            for (int i = 0; i < n; i++) {
                int tokens = batch.get(i).length;
                for (int t = 0; t < tokens; t++) {
                    for (int d = 0; d < DIM; d++) {
                        pooled[i][d] += hidden[i][t][d];
                    }
                }
                for (int d = 0; d < DIM; d++) {
                    pooled[i][d] /= Math.max(tokens, 1);
                }
            }
            return pooled;
        } catch (OrtException e) {
            throw new IllegalStateException("e5 inference failed", e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
        plainTokenizer.close();
    }
}
