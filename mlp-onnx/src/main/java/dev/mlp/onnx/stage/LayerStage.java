package dev.mlp.onnx.stage;

import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.graph.Tensor;
import dev.mlp.onnx.spi.LayerCall;
import dev.mlp.onnx.spi.OnnxLayerExporter;

/**
 * A layer plugin between dense layers (a normalization, a dropout) in its inference form,
 * written by the layer's {@link OnnxLayerExporter}.
 */
public final class LayerStage implements ExportStage {

    private final OnnxLayerExporter exporter;
    private final LayerCall call;

    /**
     * @param exporter writes the layer
     * @param call the layer, its parameters, state and place
     */
    public LayerStage(OnnxLayerExporter exporter, LayerCall call) {
        this.exporter = exporter;
        this.call = call;
    }

    /** @return for example {@code "batch-norm1"}: the layer's name and its position */
    @Override
    public String name() {
        return exporter.layerName() + call.position();
    }

    @Override
    public Tensor apply(GraphBuilder g, Tensor input) {
        if (input.columns() != call.width()) {
            throw new IllegalArgumentException(call.where() + " takes " + call.width()
                    + " columns, found " + input.columns());
        }
        String out = exporter.export(g, input.name(), call);
        if (out == null) {
            throw new IllegalStateException("ONNX exporter " + exporter.getClass().getName()
                    + " of layer '" + exporter.layerName() + "' returned no output");
        }
        return new Tensor(out, call.width());
    }
}
