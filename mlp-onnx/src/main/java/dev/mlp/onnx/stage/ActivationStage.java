package dev.mlp.onnx.stage;

import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.graph.Tensor;
import dev.mlp.onnx.spi.ActivationCall;
import dev.mlp.onnx.spi.OnnxActivationExporter;

/** A layer's activation, written by the activation's {@link OnnxActivationExporter}. */
public final class ActivationStage implements ExportStage {

    private final OnnxActivationExporter exporter;
    private final ActivationCall call;

    /**
     * @param exporter writes the activation
     * @param call the activation, its parameters and its layer
     */
    public ActivationStage(OnnxActivationExporter exporter, ActivationCall call) {
        this.exporter = exporter;
        this.call = call;
    }

    @Override
    public String name() {
        return "layer" + call.layer() + "/" + exporter.activationName();
    }

    @Override
    public Tensor apply(GraphBuilder g, Tensor input) {
        if (input.columns() != call.width()) {
            throw new IllegalArgumentException("the activation of layer " + call.layer()
                    + " takes " + call.width() + " columns, found " + input.columns());
        }
        String out = exporter.export(g, input.name(), call);
        if (out == null) {
            throw new IllegalStateException("ONNX exporter " + exporter.getClass().getName()
                    + " of activation '" + exporter.activationName() + "' returned no output");
        }
        return new Tensor(out, call.width());
    }
}
