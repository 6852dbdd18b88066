package ai.datasuite.inference.training;

import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import ai.datasuite.inference.EmotionLabels;
import ai.datasuite.inference.serving.HfTextClassificationModel;
import ai.datasuite.inference.serving.ModelFolder;

/**
 * Runs a model folder in the Hugging Face ONNX export layout the way a serving loader does (tokenizer.json with
 * truncation to {@code max_position_embeddings}, inputs fed by the session's names, {@code token_type_ids} zeros,
 * zero padding, {@code logits} output, labels from {@code id2label}) and scores it against labelled rows.
 */
final class ModelEvaluator implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final String[] id2label;

    public ModelEvaluator(Path folder, int intraOpThreads) throws IOException {
        JsonNode config = new ObjectMapper().readTree(folder.resolve("config.json").toFile());
        int maxLength = config.path("max_position_embeddings").asInt(512);
        JsonNode labels = config.get("id2label");
        id2label = new String[labels.size()];
        labels.properties().forEach(e -> id2label[Integer.parseInt(e.getKey())] = e.getValue().asText());
        tokenizer = HuggingFaceTokenizer.newInstance(folder.resolve("tokenizer.json"), Map.of("addSpecialTokens", "true",
                "padding", "false", "truncation", "true", "maxLength", String.valueOf(maxLength)));
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            session = env.createSession(folder.resolve("model.onnx").toString(), options);
        } catch (OrtException e) {
            throw new IOException("cannot load " + folder.resolve("model.onnx"), e);
        }
    }

    public String[] labels() {
        return id2label.clone();
    }

    public long[] tokenize(String text) {
        return tokenizer.encode(text).getIds();
    }

    /** Logits of one batch, exactly as given (padded to the longest sequence). */
    public float[][] logitsOfBatch(List<long[]> batch) {
        int n = batch.size();
        int len = Math.max(1, batch.stream().mapToInt(a -> a.length).max().orElse(1));
        long[] ids = new long[n * len];
        long[] mask = new long[n * len];
        for (int i = 0; i < n; i++) {
            long[] a = batch.get(i);
            System.arraycopy(a, 0, ids, i * len, a.length);
            Arrays.fill(mask, i * len, i * len + a.length, 1L);
        }
        long[] shape = {n, len};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            for (Map.Entry<String, NodeInfo> in : session.getInputInfo().entrySet()) {
                long[] data = switch (in.getKey()) {
                    case "input_ids" -> ids;
                    case "attention_mask" -> mask;
                    case "token_type_ids" -> new long[n * len];
                    default -> throw new IllegalStateException("unexpected model input " + in.getKey());
                };
                inputs.put(in.getKey(), OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
            }
            try (OrtSession.Result r = session.run(inputs)) {
                return (float[][]) r.get(EmotionGraphBuilder.OUTPUT).orElseThrow().getValue();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("inference failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Logits of {@code texts} in order; batched by length to keep padding small (the graph ignores padding). */
    public float[][] logits(List<String> texts, int batchSize) {
        List<long[]> ids = texts.stream().map(this::tokenize).toList();
        Integer[] order = IntStream.range(0, ids.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> ids.get(i).length).thenComparingInt(i -> i));
        float[][] out = new float[ids.size()][];
        for (int start = 0; start < order.length; start += batchSize) {
            int n = Math.min(batchSize, order.length - start);
            List<long[]> batch = Arrays.stream(order, start, start + n).map(ids::get).toList();
            float[][] z = logitsOfBatch(batch);
            for (int k = 0; k < n; k++) {
                out[order[start + k]] = z[k];
            }
        }
        return out;
    }

    /**
     * Metrics of the folder served exactly as inference-service serves any model ({@link HfTextClassificationModel}:
     * its tokenizer settings, padding and output), so the reported numbers are those of the serving code path.
     */
    public static Metrics evaluateServed(Path folder, List<GoEmotions.Row> rows, int intraOpThreads) throws IOException {
        ModelFolder served = new ModelFolder("evaluation", folder.getFileName().toString(), folder);
        try (HfTextClassificationModel model = HfTextClassificationModel.load(served,
                new HfTextClassificationModel.SessionSettings(intraOpThreads, 1))) {
            List<String> labels = model.labels();
            // Batches of similar length keep padding small; the graph's result does not depend on it.
            Integer[] order = IntStream.range(0, rows.size()).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingInt((Integer i) -> rows.get(i).text().length()).thenComparingInt(i -> i));
            int[] predicted = new int[rows.size()];
            for (int start = 0; start < order.length; start += 32) {
                List<Integer> batch = Arrays.asList(order).subList(start, Math.min(order.length, start + 32));
                float[][] z = model.logits(batch.stream().map(i -> rows.get(i).text()).toList());
                for (int k = 0; k < z.length; k++) {
                    predicted[batch.get(k)] = EmotionLabels.indexOf(labels.get(argmax(z[k])));
                }
            }
            return Metrics.of(rows.stream().mapToInt(GoEmotions.Row::label).toArray(), predicted);
        } catch (OrtException e) {
            throw new IOException("cannot run " + folder.resolve("model.onnx"), e);
        }
    }

    private static int argmax(float[] z) {
        int best = 0;
        for (int c = 1; c < z.length; c++) {
            if (z[c] > z[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Metrics of the model's argmax (softmax keeps the order) against the rows' labels. */
    public Metrics evaluate(List<GoEmotions.Row> rows) {
        float[][] z = logits(rows.stream().map(GoEmotions.Row::text).toList(), 32);
        int[] truth = rows.stream().mapToInt(GoEmotions.Row::label).toArray();
        int[] predicted = new int[rows.size()];
        for (int i = 0; i < z.length; i++) {
            predicted[i] = EmotionLabels.indexOf(id2label[argmax(z[i])]);
        }
        return Metrics.of(truth, predicted);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
    }
}
