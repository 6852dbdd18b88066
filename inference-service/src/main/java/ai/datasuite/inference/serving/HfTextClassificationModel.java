package ai.datasuite.inference.serving;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * A text-classification model in the Hugging Face ONNX export layout: {@code model.onnx}, {@code tokenizer.json}
 * (fast tokenizer) and {@code config.json} ({@code id2label}). The session is created once and shared; ONNX Runtime's
 * {@code run} is thread-safe. Works for BERT-like exports (with {@code token_type_ids}) and RoBERTa-like ones (without).
 */
public final class HfTextClassificationModel implements AutoCloseable {

    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String CONFIG_FILE = "config.json";
    public static final String TOKENIZER_CONFIG_FILE = "tokenizer_config.json";

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final Set<String> KNOWN_INPUTS = Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS);
    private static final int DEFAULT_MAX_LENGTH = 512;
    // HF writes int(1e30) as model_max_length when the tokenizer has no limit of its own.
    private static final int SANE_MAX_LENGTH = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelFolder folder;
    private final List<String> labels;
    private final List<String> inputNames;
    private final String outputName;
    private final int maxLength;
    private final long padId;
    private final long fileBytes;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtSession session;
    private final OrtEnvironment env;

    private HfTextClassificationModel(ModelFolder folder, List<String> labels, List<String> inputNames,
                                      String outputName, int maxLength, long padId, long fileBytes,
                                      HuggingFaceTokenizer tokenizer, OrtSession session, OrtEnvironment env) {
        this.folder = folder;
        this.labels = labels;
        this.inputNames = inputNames;
        this.outputName = outputName;
        this.maxLength = maxLength;
        this.padId = padId;
        this.fileBytes = fileBytes;
        this.tokenizer = tokenizer;
        this.session = session;
        this.env = env;
    }

    /** Settings of the ONNX Runtime session. */
    public record SessionSettings(int intraOpThreads, int interOpThreads) {
    }

    /** What the folder says about the model, read without loading it. */
    public record Descriptor(List<String> labels, int maxLength, long padId, long fileBytes) {
    }

    /** Reads {@code config.json} (and {@code tokenizer_config.json} when present) and checks the files exist. */
    public static Descriptor describe(Path dir) throws IOException {
        for (String name : List.of(MODEL_FILE, TOKENIZER_FILE, CONFIG_FILE)) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new ModelFormatException("the model folder has no " + name);
            }
        }
        JsonNode config = readJson(dir, CONFIG_FILE);
        JsonNode tokenizerConfig = Files.isRegularFile(dir.resolve(TOKENIZER_CONFIG_FILE))
                ? readJson(dir, TOKENIZER_CONFIG_FILE) : null;
        List<String> labels = labels(config);
        long padId = config.path("pad_token_id").canConvertToLong() ? config.path("pad_token_id").asLong() : 0L;
        return new Descriptor(labels, maxLength(config, tokenizerConfig), padId,
                Files.size(dir.resolve(MODEL_FILE)));
    }

    /** A JSON file of the folder; malformed JSON is a format problem (Jackson's message would name the file's path). */
    private static JsonNode readJson(Path dir, String name) throws IOException {
        try {
            return JSON.readTree(dir.resolve(name).toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ModelFormatException(name + " is not valid JSON" + where);
        }
    }

    /** {@code id2label} ordered by index; the indices must be 0..n-1. */
    static List<String> labels(JsonNode config) throws IOException {
        JsonNode id2label = config.path("id2label");
        if (!id2label.isObject() || id2label.isEmpty()) {
            throw new ModelFormatException("config.json has no id2label");
        }
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = id2label.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            try {
                byIndex.put(Integer.parseInt(field.getKey().trim()), field.getValue().asText());
            } catch (NumberFormatException e) {
                throw new ModelFormatException("config.json id2label key '" + field.getKey() + "' is not an index");
            }
        }
        if (byIndex.firstKey() != 0 || byIndex.lastKey() != byIndex.size() - 1) {
            throw new ModelFormatException("config.json id2label indices are not 0.." + (byIndex.size() - 1));
        }
        return List.copyOf(byIndex.values());
    }

    /**
     * The tokenizer's own limit when it states a sane one, else the position embeddings (RoBERTa offsets its
     * positions by the padding index + 1, so two of them are unusable), else 512.
     */
    static int maxLength(JsonNode config, JsonNode tokenizerConfig) {
        if (tokenizerConfig != null && tokenizerConfig.path("model_max_length").isNumber()) {
            double value = tokenizerConfig.path("model_max_length").asDouble();
            if (value >= 2 && value <= SANE_MAX_LENGTH) {
                return (int) value;
            }
        }
        if (config.path("max_position_embeddings").canConvertToInt()) {
            int positions = config.path("max_position_embeddings").asInt();
            String type = config.path("model_type").asText("");
            int usable = type.equals("roberta") || type.equals("xlm-roberta") ? positions - 2 : positions;
            if (usable >= 2) {
                return usable;
            }
        }
        return DEFAULT_MAX_LENGTH;
    }

    /**
     * The session's options. Its intra-op threads spin while a run is under way (each operator's parallel part starts
     * without a wake-up), but stop as soon as the last run returns: otherwise they keep spinning for a while after it,
     * taking a core from the HTTP answer and the next request. Lone predicts with a client pausing 5 ms between them
     * cost 23-24 ms of the service's CPU each with the spinning left on, 14.5 ms with it stopped, at the same latency
     * (benchmarks/README.md, "Sixth pass").
     */
    static OrtSession.SessionOptions sessionOptions(SessionSettings settings) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(settings.interOpThreads());
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.force_spinning_stop", "1");
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /** Loads the tokenizer and creates the session; both are closed again if anything fails. */
    public static HfTextClassificationModel load(ModelFolder folder, SessionSettings settings)
            throws IOException, OrtException {
        Path dir = folder.folder();
        Descriptor descriptor = describe(dir);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        HuggingFaceTokenizer tokenizer = null;
        OrtSession session = null;
        try {
            Map<String, String> options = new HashMap<>();
            options.put("addSpecialTokens", "true");
            options.put("truncation", "true");
            options.put("padding", "false");
            options.put("maxLength", Integer.toString(descriptor.maxLength()));
            // From the stream, so DJL does not apply a tokenizer_config.json of its own: max length is decided above.
            try (InputStream in = Files.newInputStream(dir.resolve(TOKENIZER_FILE))) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, options);
            }
            try (OrtSession.SessionOptions options2 = sessionOptions(settings)) {
                session = env.createSession(dir.resolve(MODEL_FILE).toString(), options2);
            }
            List<String> inputs = new ArrayList<>(session.getInputNames());
            if (!inputs.contains(INPUT_IDS)) {
                throw new ModelFormatException("model.onnx has no input_ids input (inputs: " + inputs + ")");
            }
            for (String input : inputs) {
                if (!KNOWN_INPUTS.contains(input)) {
                    throw new ModelFormatException("model.onnx input '" + input + "' is not one of " + KNOWN_INPUTS);
                }
            }
            Set<String> outputs = new LinkedHashSet<>(session.getOutputNames());
            String output = outputs.contains("logits") ? "logits" : outputs.iterator().next();
            checkOutput(session.getOutputInfo().get(output), output, descriptor.labels().size());
            HfTextClassificationModel model = new HfTextClassificationModel(folder, descriptor.labels(),
                    List.copyOf(inputs), output, descriptor.maxLength(), descriptor.padId(), descriptor.fileBytes(),
                    tokenizer, session, env);
            tokenizer = null;
            session = null;
            return model;
        } finally {
            if (session != null) {
                session.close();
            }
            if (tokenizer != null) {
                tokenizer.close();
            }
        }
    }

    private static void checkOutput(NodeInfo info, String name, int labelCount) throws IOException {
        if (info != null && info.getInfo() instanceof TensorInfo tensor) {
            long[] shape = tensor.getShape();
            long last = shape.length == 0 ? -1 : shape[shape.length - 1];
            if (shape.length != 2 || (last > 0 && last != labelCount)) {
                throw new ModelFormatException("model.onnx output '" + name + "' has shape " + java.util.Arrays.toString(shape)
                        + "; expected [batch, " + labelCount + "] for the labels in config.json");
            }
        }
    }

    /**
     * Logits of each text, in order: tokenized with truncation to {@link #maxLength()}, padded to the longest text of
     * this call, one session run.
     */
    public float[][] logits(List<String> texts) throws OrtException {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int batch = encodings.length;
        int seq = 1;
        for (Encoding encoding : encodings) {
            seq = Math.max(seq, encoding.getIds().length);
        }
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        java.util.Arrays.fill(ids, padId);
        for (int i = 0; i < batch; i++) {
            long[] tokenIds = encodings[i].getIds();
            long[] attention = encodings[i].getAttentionMask();
            System.arraycopy(tokenIds, 0, ids, i * seq, tokenIds.length);
            System.arraycopy(attention, 0, mask, i * seq, attention.length);
        }
        long[] shape = {batch, seq};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            for (String name : inputNames) {
                long[] data = switch (name) {
                    case INPUT_IDS -> ids;
                    case ATTENTION_MASK -> mask;
                    default -> new long[batch * seq]; // token_type_ids: one segment, all zeros
                };
                inputs.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(outputName))) {
                float[][] logits = (float[][]) result.get(0).getValue();
                if (logits.length != batch || logits[0].length != labels.size()) {
                    throw new IllegalStateException("Model output has " + logits[0].length
                            + " logits per text; config.json has " + labels.size() + " labels");
                }
                return logits;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Softmax in double precision, shifted by the maximum so large logits do not overflow. */
    public static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    public String id() {
        return folder.id();
    }

    public String version() {
        return folder.version();
    }

    public ModelFolder folder() {
        return folder;
    }

    public List<String> labels() {
        return labels;
    }

    public List<String> inputNames() {
        return Collections.unmodifiableList(inputNames);
    }

    public String outputName() {
        return outputName;
    }

    public int maxLength() {
        return maxLength;
    }

    public long fileBytes() {
        return fileBytes;
    }

    /** Frees the native session and tokenizer. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Could not close the ONNX session of " + folder.id(), e);
        } finally {
            tokenizer.close();
        }
    }
}
