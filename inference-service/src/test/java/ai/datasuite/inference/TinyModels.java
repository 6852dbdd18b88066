package ai.datasuite.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * Builds tiny text classifiers in the Hugging Face ONNX export layout (model.onnx, tokenizer.json, config.json and
 * optionally tokenizer_config.json) from seeded random weights, and computes their predictions in plain Java, so
 * tests can compare the served answers with an independent reference.
 * <p>
 * The graph: Gather(embedding, input_ids) [+ Gather(type embedding, token_type_ids)] → mean over the positions the
 * attention mask keeps → MatMul → Add → {@code logits}. The tokenizer: lowercase, whitespace/punctuation split,
 * WordLevel vocabulary, {@code [CLS] … [SEP]} template.
 */
public final class TinyModels {

    public static final List<String> WORDS = List.of("i", "am", "so", "happy", "sad", "angry", "today", "the",
            "weather", "is", "great", "terrible", "love", "hate", "this", "movie", "what", "a", "day", "!", ",", ".");
    static final int PAD = 0;
    static final int UNK = 1;
    static final int CLS = 2;
    static final int SEP = 3;
    private static final Pattern WORD_SPLIT = Pattern.compile("\\w+|[^\\w\\s]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One tiny model. {@code modelType} and {@code positions} go to config.json; {@code tokenizerMaxLength} (when not
     * null) to tokenizer_config.json; {@code extraRows} pads the embedding with unused rows to make the file big.
     */
    public record Spec(List<String> labels, boolean tokenTypes, String modelType, int positions,
                       Integer tokenizerMaxLength, int dim, long seed, int extraRows) {

        /** The length the service should derive: tokenizer limit, else positions (minus 2 for RoBERTa). */
        public int maxLength() {
            if (tokenizerMaxLength != null) {
                return tokenizerMaxLength;
            }
            return modelType.equals("roberta") ? positions - 2 : positions;
        }
    }

    /** RoBERTa-like: no token_type_ids, limit from max_position_embeddings 10 - 2 = 8. */
    public static final Spec ROBERTA_LIKE = new Spec(List.of("calm", "joy", "rage"), false, "roberta", 10, null, 6,
            11L, 0);
    /** BERT-like: token_type_ids, limit from tokenizer_config.json model_max_length 6. */
    public static final Spec BERT_LIKE = new Spec(List.of("anger", "fear", "joy", "neutral"), true, "bert", 512, 6,
            5, 23L, 0);

    private final Spec spec;
    private final float[][] embedding;
    private final float[][] typeEmbedding;
    private final float[][] weights;
    private final float[] bias;

    public TinyModels(Spec spec) {
        this.spec = spec;
        Random random = new Random(spec.seed());
        int vocab = 4 + WORDS.size();
        embedding = new float[vocab][spec.dim()];
        for (float[] row : embedding) {
            fill(row, random, 1.0f);
        }
        typeEmbedding = new float[2][spec.dim()];
        for (float[] row : typeEmbedding) {
            fill(row, random, 0.5f);
        }
        weights = new float[spec.dim()][spec.labels().size()];
        for (float[] row : weights) {
            fill(row, random, 2.0f);
        }
        bias = new float[spec.labels().size()];
        fill(bias, random, 0.3f);
    }

    private static void fill(float[] row, Random random, float scale) {
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) (random.nextGaussian() * scale);
        }
    }

    /** Writes the model folder into {@code dir} (created) and returns it. */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("model.onnx"), onnx().toByteArray());
            Files.writeString(dir.resolve("tokenizer.json"), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(tokenizer()));
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("model_type", spec.modelType());
            config.put("max_position_embeddings", spec.positions());
            config.put("pad_token_id", PAD);
            Map<String, String> id2label = new LinkedHashMap<>();
            Map<String, Integer> label2id = new LinkedHashMap<>();
            // Written out of index order on purpose: the loader must order by index, not by key order.
            for (int i = spec.labels().size() - 1; i >= 0; i--) {
                id2label.put(Integer.toString(i), spec.labels().get(i));
                label2id.put(spec.labels().get(i), i);
            }
            config.put("id2label", id2label);
            config.put("label2id", label2id);
            Files.writeString(dir.resolve("config.json"), JSON.writeValueAsString(config));
            if (spec.tokenizerMaxLength() != null) {
                Files.writeString(dir.resolve("tokenizer_config.json"),
                        JSON.writeValueAsString(Map.of("model_max_length", spec.tokenizerMaxLength())));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Token ids as the served tokenizer should produce them: [CLS] words… [SEP], truncated to the max length. */
    public List<Integer> ids(String text) {
        List<Integer> words = new ArrayList<>();
        Matcher matcher = WORD_SPLIT.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            int index = WORDS.indexOf(matcher.group());
            words.add(index < 0 ? UNK : index + 4);
        }
        List<Integer> ids = new ArrayList<>();
        ids.add(CLS);
        ids.addAll(words.subList(0, Math.min(words.size(), spec.maxLength() - 2)));
        ids.add(SEP);
        return ids;
    }

    /** Softmax probabilities the served model should give for {@code text}, computed in double precision. */
    public double[] probabilities(String text) {
        List<Integer> ids = ids(text);
        double[] mean = new double[spec.dim()];
        for (int id : ids) {
            for (int d = 0; d < spec.dim(); d++) {
                mean[d] += embedding[id][d] + (spec.tokenTypes() ? typeEmbedding[0][d] : 0);
            }
        }
        for (int d = 0; d < spec.dim(); d++) {
            mean[d] /= ids.size();
        }
        int labels = spec.labels().size();
        double[] logits = new double[labels];
        for (int l = 0; l < labels; l++) {
            logits[l] = bias[l];
            for (int d = 0; d < spec.dim(); d++) {
                logits[l] += mean[d] * weights[d][l];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[labels];
        for (int l = 0; l < labels; l++) {
            p[l] = Math.exp(logits[l] - max);
            sum += p[l];
        }
        for (int l = 0; l < labels; l++) {
            p[l] /= sum;
        }
        return p;
    }

    /** Index of the reference's top label. */
    public int best(String text) {
        double[] p = probabilities(text);
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    public Spec spec() {
        return spec;
    }

    private Map<String, Object> tokenizer() {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        List<Map<String, Object>> added = new ArrayList<>();
        String[] specials = {"[PAD]", "[UNK]", "[CLS]", "[SEP]"};
        for (int i = 0; i < specials.length; i++) {
            vocab.put(specials[i], i);
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("id", i);
            token.put("content", specials[i]);
            token.put("single_word", false);
            token.put("lstrip", false);
            token.put("rstrip", false);
            token.put("normalized", false);
            token.put("special", true);
            added.add(token);
        }
        for (int i = 0; i < WORDS.size(); i++) {
            vocab.put(WORDS.get(i), i + 4);
        }
        Map<String, Object> tokenizer = new LinkedHashMap<>();
        tokenizer.put("version", "1.0");
        tokenizer.put("truncation", null);
        tokenizer.put("padding", null);
        tokenizer.put("added_tokens", added);
        tokenizer.put("normalizer", Map.of("type", "Lowercase"));
        tokenizer.put("pre_tokenizer", Map.of("type", "Whitespace"));
        tokenizer.put("post_processor", Map.of(
                "type", "TemplateProcessing",
                "single", List.of(special("[CLS]"), Map.of("Sequence", Map.of("id", "A", "type_id", 0)),
                        special("[SEP]")),
                "pair", List.of(special("[CLS]"), Map.of("Sequence", Map.of("id", "A", "type_id", 0)),
                        special("[SEP]"), Map.of("Sequence", Map.of("id", "B", "type_id", 1)),
                        Map.of("SpecialToken", Map.of("id", "[SEP]", "type_id", 1))),
                "special_tokens", Map.of(
                        "[CLS]", Map.of("id", "[CLS]", "ids", List.of(CLS), "tokens", List.of("[CLS]")),
                        "[SEP]", Map.of("id", "[SEP]", "ids", List.of(SEP), "tokens", List.of("[SEP]")))));
        tokenizer.put("decoder", null);
        tokenizer.put("model", Map.of("type", "WordLevel", "vocab", vocab, "unk_token", "[UNK]"));
        return tokenizer;
    }

    private static Map<String, Object> special(String token) {
        return Map.of("SpecialToken", Map.of("id", token, "type_id", 0));
    }

    private ModelProto onnx() {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("tiny-text-classifier");
        graph.addInput(int64Input("input_ids"));
        graph.addInput(int64Input("attention_mask"));
        if (spec.tokenTypes()) {
            graph.addInput(int64Input("token_type_ids"));
        }
        int rows = embedding.length + spec.extraRows();
        graph.addInitializer(floats("embedding", new long[] {rows, spec.dim()}, embedding, spec.extraRows()));
        graph.addInitializer(floats("weights", new long[] {spec.dim(), spec.labels().size()}, weights, 0));
        graph.addInitializer(floats("bias", new long[] {spec.labels().size()}, new float[][] {bias}, 0));
        graph.addInitializer(TensorProto.newBuilder().setName("eps").setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addFloatData(1e-9f).build());
        graph.addInitializer(int64s("axis1", 1));
        graph.addInitializer(int64s("axis2", 2));
        graph.addNode(node("Gather", List.of("embedding", "input_ids"), "tokens"));
        String tokens = "tokens";
        if (spec.tokenTypes()) {
            graph.addInitializer(floats("type_embedding", new long[] {2, spec.dim()}, typeEmbedding, 0));
            graph.addNode(node("Gather", List.of("type_embedding", "token_type_ids"), "types"));
            graph.addNode(node("Add", List.of("tokens", "types"), "tokens_typed"));
            tokens = "tokens_typed";
        }
        graph.addNode(node("Cast", List.of("attention_mask"), "mask_f")
                .addAttribute(AttributeProto.newBuilder().setName("to").setType(AttributeProto.AttributeType.INT)
                        .setI(TensorProto.DataType.FLOAT.getNumber())));
        graph.addNode(node("Unsqueeze", List.of("mask_f", "axis2"), "mask3"));
        graph.addNode(node("Mul", List.of(tokens, "mask3"), "masked"));
        graph.addNode(reduceSum("masked", "summed"));
        graph.addNode(reduceSum("mask3", "count"));
        graph.addNode(node("Max", List.of("count", "eps"), "count_safe"));
        graph.addNode(node("Div", List.of("summed", "count_safe"), "mean"));
        graph.addNode(node("MatMul", List.of("mean", "weights"), "projected"));
        graph.addNode(node("Add", List.of("projected", "bias"), "logits"));
        graph.addOutput(ValueInfoProto.newBuilder().setName("logits").setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(TensorShapeProto.newBuilder()
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(spec.labels().size()))))));
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("ai-data-suite-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph).build();
    }

    private static NodeProto.Builder reduceSum(String input, String output) {
        return node("ReduceSum", List.of(input, "axis1"), output)
                .addAttribute(AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT)
                        .setI(0));
    }

    private static NodeProto.Builder node(String op, List<String> inputs, String output) {
        return NodeProto.newBuilder().setOpType(op).setName(output).addAllInput(inputs).addOutput(output);
    }

    private static ValueInfoProto int64Input(String name) {
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.INT64.getNumber())
                        .setShape(TensorShapeProto.newBuilder()
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("sequence")))))
                .build();
    }

    private static TensorProto int64s(String name, long value) {
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(1).addInt64Data(value).build();
    }

    /** Row-major float tensor; {@code extraRows} of small noise follow the given rows. */
    private static TensorProto floats(String name, long[] dims, float[][] rows, int extraRows) {
        int width = rows[0].length;
        ByteBuffer buffer = ByteBuffer.allocate((rows.length + extraRows) * width * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float v : row) {
                buffer.putFloat(v);
            }
        }
        Random noise = new Random(7);
        for (long i = 0; i < (long) extraRows * width; i++) {
            buffer.putFloat(noise.nextFloat());
        }
        buffer.flip();
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(buffer));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        return tensor.build();
    }
}
