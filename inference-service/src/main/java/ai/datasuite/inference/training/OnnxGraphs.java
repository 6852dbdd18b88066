package ai.datasuite.inference.training;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

/** Small helpers over the ONNX protobuf builders, and the rewrite that makes the quantized e5 batch-invariant. */
final class OnnxGraphs {

    private OnnxGraphs() {
    }

    static ModelProto parse(byte[] bytes) {
        try {
            return ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("not an ONNX model", e);
        }
    }

    /**
     * The e5 graph with every {@code DynamicQuantizeLinear} replaced by symmetric per-token quantization. The jar's
     * graph quantizes activations with one scale per tensor, so a text's embedding changed with the other texts and the
     * padding in its batch (by up to 0.08); per token (scale = max|x| / 127 over the last axis, zero point 128) each
     * token's result depends on that token alone, and the int8 weights and MatMulInteger kernels stay as they are.
     */
    static ModelProto batchInvariantEncoder(byte[] e5) {
        ModelProto model = parse(e5);
        GraphProto.Builder g = model.getGraph().toBuilder();
        List<NodeProto> nodes = new ArrayList<>(g.getNodeList());
        g.clearNode();
        g.addInitializer(floatScalar("ptq/127", 127f));
        g.addInitializer(floatScalar("ptq/128", 128f));
        g.addInitializer(floatScalar("ptq/0", 0f));
        g.addInitializer(floatScalar("ptq/255", 255f));
        g.addInitializer(floatScalar("ptq/eps", 1e-12f));
        g.addInitializer(TensorProto.newBuilder().setName("ptq/zp").setDataType(TensorProto.DataType.UINT8.getNumber())
                .setRawData(ByteString.copyFrom(new byte[] {(byte) 128})).build());
        for (NodeProto n : nodes) {
            if (!n.getOpType().equals("DynamicQuantizeLinear")) {
                g.addNode(n);
                continue;
            }
            String x = n.getInput(0);
            String p = "ptq/" + n.getOutput(0);
            g.addNode(node("Abs", p + "/abs", List.of(x), List.of(p + "/abs")));
            g.addNode(node("ReduceMax", p + "/max", List.of(p + "/abs"), List.of(p + "/max"), ints("axes", -1), intAttr("keepdims", 1)));
            g.addNode(node("Div", p + "/s0", List.of(p + "/max", "ptq/127"), List.of(p + "/s0")));
            g.addNode(node("Max", p + "/s", List.of(p + "/s0", "ptq/eps"), List.of(n.getOutput(1))));
            g.addNode(node("Div", p + "/q0", List.of(x, n.getOutput(1)), List.of(p + "/q0")));
            g.addNode(node("Round", p + "/q1", List.of(p + "/q0"), List.of(p + "/q1")));
            g.addNode(node("Add", p + "/q2", List.of(p + "/q1", "ptq/128"), List.of(p + "/q2")));
            g.addNode(node("Clip", p + "/q3", List.of(p + "/q2", "ptq/0", "ptq/255"), List.of(p + "/q3")));
            g.addNode(node("Cast", p + "/q", List.of(p + "/q3"), List.of(n.getOutput(0)), intAttr("to", TensorProto.DataType.UINT8.getNumber())));
            g.addNode(node("Identity", p + "/zp", List.of("ptq/zp"), List.of(n.getOutput(2))));
        }
        return model.toBuilder().setGraph(g).build();
    }

    static NodeProto node(String op, String name, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        NodeProto.Builder b = NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addAllOutput(outputs);
        for (AttributeProto a : attrs) {
            b.addAttribute(a);
        }
        return b.build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }

    static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto floats(String name, float[] values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOATS);
        for (float v : values) {
            b.addFloats(v);
        }
        return b.build();
    }

    static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static TensorProto floatScalar(String name, float v) {
        return floatTensor(name, new float[] {v});
    }

    static TensorProto floatTensor(String name, float[] data, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) {
            buf.putFloat(f);
        }
        return rawTensor(name, TensorProto.DataType.FLOAT, buf, dims);
    }

    static TensorProto longTensor(String name, long[] data, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : data) {
            buf.putLong(v);
        }
        return rawTensor(name, TensorProto.DataType.INT64, buf, dims);
    }

    private static TensorProto rawTensor(String name, TensorProto.DataType type, ByteBuffer littleEndian, long... dims) {
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
                .setRawData(ByteString.copyFrom(littleEndian.array()));
        for (long d : dims) {
            b.addDims(d);
        }
        return b.build();
    }
}
