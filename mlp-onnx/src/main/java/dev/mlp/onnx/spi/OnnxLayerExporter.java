package dev.mlp.onnx.spi;

import dev.mlp.onnx.graph.GraphBuilder;

/**
 * Writes one kind of layer plugin (a {@link dev.mlp.api.Layer} between dense layers, such as a
 * normalization or a dropout) as ONNX nodes in its inference form: the extension point through
 * which a layer plugin becomes exportable. It is the layer counterpart of
 * {@link OnnxActivationExporter} and is found the same way, with
 * {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/dev.mlp.onnx.spi.OnnxLayerExporter}), so a plugin jar that depends
 * on {@code mlp-onnx} adds its own exporter next to its layer, without any protobuf type.
 *
 * <p>The built-in layers ({@code batch-norm}, {@code layer-norm}, {@code rms-norm},
 * {@code dropout}) are exported by exporters of this same interface; dense layers and residual
 * blocks are part of the network and need none. Two exporters for one layer name are an error
 * naming both classes. Implementations must be stateless, with a cheap no-argument
 * constructor.
 *
 * <p>The nodes must compute, in {@code tensor(double)}, exactly what the layer's inference pass
 * ({@code training} false) computes with the trained parameters and inference state the call
 * carries, so that the exported model agrees with {@code Model.predict}.
 */
public interface OnnxLayerExporter {

    /**
     * @return the name of the layer this exporter writes, as the layer's {@code name()} gives
     *         it, for example {@code "batch-norm"}
     */
    String layerName();

    /**
     * Adds the nodes of the layer's inference pass.
     *
     * @param graph the graph to add to; its scope names the layer
     * @param input the name of the layer's input, {@code tensor(double)} of shape
     *        {@code [N, call.width()]}
     * @param call the layer with its spec, trained parameters, inference state and place
     * @return the name of the layer's output, {@code tensor(double)} of the same shape (the
     *         input's own name for a layer that passes its input through at inference)
     * @throws IllegalArgumentException if the layer's parameters or state have no ONNX form
     */
    String export(GraphBuilder graph, String input, LayerCall call);
}
