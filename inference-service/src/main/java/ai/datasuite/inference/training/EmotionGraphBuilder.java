package ai.datasuite.inference.training;

import static ai.datasuite.inference.training.OnnxGraphs.floatScalar;
import static ai.datasuite.inference.training.OnnxGraphs.floatTensor;
import static ai.datasuite.inference.training.OnnxGraphs.intAttr;
import static ai.datasuite.inference.training.OnnxGraphs.ints;
import static ai.datasuite.inference.training.OnnxGraphs.node;

import java.util.List;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * Assembles the built-in emotion model as one ONNX graph: the (batch-invariant) e5 encoder, masked mean pooling,
 * standardisation, a TF-IDF branch computed with {@code TfIdfVectorizer} over the token ids, then
 * {@code Concat -> MatMul -> Add -> logits [batch, 7]}. Inputs stay the encoder's own ({@code input_ids},
 * {@code attention_mask}, {@code token_type_ids}), so any Hugging Face style loader can feed it.
 */
final class EmotionGraphBuilder {

    public static final String OUTPUT = "logits";
    private static final String P = "head/";

    private EmotionGraphBuilder() {
    }

    /** The assembled model from the e5 jar on the classpath and {@code head}. */
    public static byte[] build(EmotionHead head) {
        return build(OnnxGraphs.batchInvariantEncoder(E5Encoder.modelBytes()), head).toByteArray();
    }

    static ModelProto build(ModelProto encoder, EmotionHead head) {
        GraphProto.Builder g = encoder.getGraph().toBuilder();
        String hidden = g.getOutput(0).getName();
        int k = head.b().length;
        int dense = head.denseDim();
        int v = head.ngrams().length;
        int dim = dense + v;

        // Masked mean pooling: padded positions get weight 0, and the count is the number of real tokens.
        g.addNode(node("Cast", P + "mask_f", List.of("attention_mask"), List.of(P + "mask_f"), intAttr("to", TensorProto.DataType.FLOAT.getNumber())));
        g.addNode(node("Unsqueeze", P + "mask_3d", List.of(P + "mask_f"), List.of(P + "mask_3d"), ints("axes", 2)));
        g.addNode(node("Mul", P + "masked", List.of(hidden, P + "mask_3d"), List.of(P + "masked")));
        g.addNode(node("ReduceSum", P + "sum", List.of(P + "masked"), List.of(P + "sum"), ints("axes", 1), intAttr("keepdims", 0)));
        g.addNode(node("ReduceSum", P + "count0", List.of(P + "mask_f"), List.of(P + "count0"), ints("axes", 1), intAttr("keepdims", 1)));
        g.addInitializer(floatScalar(P + "one", 1f));
        g.addNode(node("Max", P + "count", List.of(P + "count0", P + "one"), List.of(P + "count")));
        g.addNode(node("Div", P + "pooled", List.of(P + "sum", P + "count"), List.of(P + "pooled")));
        g.addInitializer(floatTensor(P + "mean", head.mean(), dense));
        g.addInitializer(floatTensor(P + "scale", head.scale(), dense));
        g.addNode(node("Sub", P + "centred", List.of(P + "pooled", P + "mean"), List.of(P + "centred")));
        g.addNode(node("Mul", P + "embedding", List.of(P + "centred", P + "scale"), List.of(P + "embedding")));

        // TF-IDF over token ids; masked positions become id 0 ([PAD]), which is in no n-gram of the pool.
        g.addNode(node("Mul", P + "ids", List.of("input_ids", "attention_mask"), List.of(P + "ids")));
        String tfidf = addTfIdf(g, P + "ids", head);

        // Linear layer; the decision biases tuned for macro-F1 are folded into the intercepts.
        g.addNode(node("Concat", P + "features", List.of(P + "embedding", tfidf), List.of(P + "features"), intAttr("axis", 1)));
        float[] wt = new float[dim * k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dim; j++) {
                wt[j * k + c] = head.w()[c][j];
            }
        }
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            bias[c] = head.b()[c] + head.thresholds()[c];
        }
        g.addInitializer(floatTensor(P + "W", wt, dim, k));
        g.addInitializer(floatTensor(P + "b", bias, k));
        g.addNode(node("MatMul", P + "matmul", List.of(P + "features", P + "W"), List.of(P + "matmul")));
        g.addNode(node("Add", P + "logits", List.of(P + "matmul", P + "b"), List.of(OUTPUT)));

        g.clearOutput();
        g.addOutput(ValueInfoProto.newBuilder().setName(OUTPUT).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(TensorShapeProto.newBuilder()
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size"))
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(k))))));
        return encoder.toBuilder().setGraph(g).setProducerName("ai-data-suite inference-service EmotionGraphBuilder")
                .setDocString(head.description()).build();
    }


    /** Adds {@code L2(log1p(TF) * idf)} over the int64 token ids {@code ids} [batch, seq]; returns the output's name. */
    static String addTfIdf(GraphProto.Builder g, String ids, EmotionHead head) {
        int v = head.ngrams().length;
        int unigrams = head.tokenFeatures().unigramCount();
        long[] pool = java.util.Arrays.stream(head.ngrams()).flatMapToLong(java.util.Arrays::stream).toArray();
        long[] indexes = new long[v];
        for (int i = 0; i < v; i++) {
            indexes[i] = i;
        }
        g.addNode(node("TfIdfVectorizer", P + "tf", List.of(ids), List.of(P + "tf"),
                OnnxGraphs.string("mode", "TF"), intAttr("min_gram_length", 1), intAttr("max_gram_length", 2),
                intAttr("max_skip_count", 0), ints("ngram_counts", 0, unigrams), ints("ngram_indexes", indexes),
                ints("pool_int64s", pool)));
        g.addInitializer(floatScalar(P + "tf_one", 1f));
        g.addNode(node("Add", P + "tf1", List.of(P + "tf", P + "tf_one"), List.of(P + "tf1")));
        g.addNode(node("Log", P + "logtf", List.of(P + "tf1"), List.of(P + "logtf")));
        g.addInitializer(floatTensor(P + "idf", head.idf(), v));
        g.addNode(node("Mul", P + "tfidf", List.of(P + "logtf", P + "idf"), List.of(P + "tfidf")));
        g.addNode(node("ReduceL2", P + "norm0", List.of(P + "tfidf"), List.of(P + "norm0"), ints("axes", 1), intAttr("keepdims", 1)));
        g.addInitializer(floatScalar(P + "eps", 1e-12f));
        g.addNode(node("Max", P + "norm", List.of(P + "norm0", P + "eps"), List.of(P + "norm")));
        g.addNode(node("Div", P + "tfidf_l2", List.of(P + "tfidf", P + "norm"), List.of(P + "tfidf_l2")));
        return P + "tfidf_l2";
    }

    /**
     * A graph holding only the TF-IDF branch ({@code input_ids} [batch, seq] int64 -> {@code tfidf} [batch, V]), at the
     * same opset as the encoder, to check the ONNX operator against {@link TokenFeatures#transform}.
     */
    public static byte[] tfIdfGraph(EmotionHead head) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("tfidf");
        g.addInput(tensor("input_ids", TensorProto.DataType.INT64, "batch_size", "sequence_length"));
        String out = addTfIdf(g, "input_ids", head);
        g.addNode(node("Identity", "out", List.of(out), List.of("tfidf")));
        g.addOutput(tensor("tfidf", TensorProto.DataType.FLOAT, "batch_size", "features"));
        return ModelProto.newBuilder().setIrVersion(6).addOpsetImport(ai.onnx.proto.OnnxMl.OperatorSetIdProto.newBuilder().setVersion(11))
                .setProducerName("ai-data-suite").setGraph(g).build().toByteArray();
    }

    private static ValueInfoProto tensor(String name, TensorProto.DataType type, String... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (String d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }
}
