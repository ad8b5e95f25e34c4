package dev.mlp.onnx;

import com.google.protobuf.ByteString;
import dev.mlp.onnx.graph.ElementType;
import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.proto.OnnxProto.AttributeProto;
import dev.mlp.onnx.proto.OnnxProto.GraphProto;
import dev.mlp.onnx.proto.OnnxProto.ModelProto;
import dev.mlp.onnx.proto.OnnxProto.NodeProto;
import dev.mlp.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.mlp.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.mlp.onnx.proto.OnnxProto.TensorProto;
import dev.mlp.onnx.proto.OnnxProto.TensorShapeProto;
import dev.mlp.onnx.proto.OnnxProto.TypeProto;
import dev.mlp.onnx.proto.OnnxProto.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Turns a {@link GraphBuilder}'s plain description into the ONNX protobuf messages. */
final class ProtoWriter {

    private ProtoWriter() {
    }

    static ModelProto model(GraphBuilder g, long irVersion, String graphName, String producer,
                            String producerVersion, String doc) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName(graphName);
        for (GraphBuilder.Value v : g.inputs()) {
            graph.addInput(value(v));
        }
        for (GraphBuilder.Constant c : g.constants()) {
            graph.addInitializer(tensor(c));
        }
        for (GraphBuilder.Node n : g.nodes()) {
            graph.addNode(node(n));
        }
        for (GraphBuilder.Value v : g.outputs()) {
            graph.addOutput(value(v));
        }
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(irVersion)
                .setProducerName(producer)
                .setProducerVersion(producerVersion)
                .setDocString(doc)
                .setGraph(graph);
        for (Map.Entry<String, Long> o : g.opsets().entrySet()) {
            m.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(o.getKey())
                    .setVersion(o.getValue()));
        }
        for (Map.Entry<String, String> e : g.metadata().entrySet()) {
            m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey())
                    .setValue(e.getValue()));
        }
        return m.build();
    }

    private static ValueInfoProto value(GraphBuilder.Value v) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : v.dims()) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Long l) {
                dim.setDimValue(l);
            } else {
                dim.setDimParam((String) d);
            }
            shape.addDim(dim);
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(v.type().code()).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(v.name()).setType(type)
                .setDocString(v.doc()).build();
    }

    private static TensorProto tensor(GraphBuilder.Constant c) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(c.name())
                .setDataType(c.type().code());
        for (long d : c.dims()) {
            t.addDims(d);
        }
        if (c.type() == ElementType.DOUBLE) {
            double[] v = (double[]) c.values();
            ByteBuffer b = ByteBuffer.allocate(v.length * Double.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            b.asDoubleBuffer().put(v);
            t.setRawData(ByteString.copyFrom(b.array()));
        } else if (c.type() == ElementType.INT64) {
            long[] v = (long[]) c.values();
            ByteBuffer b = ByteBuffer.allocate(v.length * Long.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            b.asLongBuffer().put(v);
            t.setRawData(ByteString.copyFrom(b.array()));
        } else if (c.type() == ElementType.STRING) {
            for (String s : (String[]) c.values()) {
                t.addStringData(ByteString.copyFrom(s, StandardCharsets.UTF_8));
            }
        } else {
            throw new IllegalArgumentException("constants of type " + c.type()
                    + " are not supported");
        }
        return t.build();
    }

    private static NodeProto node(GraphBuilder.Node n) {
        NodeProto.Builder b = NodeProto.newBuilder().setName(n.name()).setOpType(n.opType())
                .setDomain(n.domain()).addAllInput(n.inputs()).addAllOutput(n.outputs());
        for (Map.Entry<String, Object> a : n.attributes().entrySet()) {
            b.addAttribute(attribute(a.getKey(), a.getValue()));
        }
        return b.build();
    }

    private static AttributeProto attribute(String name, Object v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        if (v instanceof Long || v instanceof Integer) {
            a.setType(AttributeProto.AttributeType.INT).setI(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            a.setType(AttributeProto.AttributeType.FLOAT).setF(((Number) v).floatValue());
        } else if (v instanceof String s) {
            a.setType(AttributeProto.AttributeType.STRING)
                    .setS(ByteString.copyFrom(s, StandardCharsets.UTF_8));
        } else if (v instanceof long[] ls) {
            a.setType(AttributeProto.AttributeType.INTS);
            for (long l : ls) {
                a.addInts(l);
            }
        } else if (v instanceof float[] fs) {
            a.setType(AttributeProto.AttributeType.FLOATS);
            for (float f : fs) {
                a.addFloats(f);
            }
        } else {
            a.setType(AttributeProto.AttributeType.STRINGS);
            for (String s : (String[]) v) {
                a.addStrings(ByteString.copyFrom(s, StandardCharsets.UTF_8));
            }
        }
        return a.build();
    }
}
