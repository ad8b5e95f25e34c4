package dev.mlp.onnx.spi;

import dev.mlp.onnx.graph.GraphBuilder;

/**
 * Writes one activation as ONNX nodes: the extension point through which an activation plugin
 * becomes exportable. Implementations are found with {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/dev.mlp.onnx.spi.OnnxActivationExporter}), so a plugin jar that
 * depends on {@code mlp-onnx} adds its own exporter next to its activation, without any
 * protobuf type: the nodes are described through {@link GraphBuilder}.
 *
 * <p>The built-in activations are exported by exporters of this same interface. Two exporters
 * for one activation name are an error naming both classes. Implementations must be stateless,
 * with a cheap no-argument constructor.
 *
 * <p>The nodes must compute, in {@code tensor(double)}, exactly the activation's formula with
 * its parameters, so that the exported model agrees with {@code Model.predict}.
 */
public interface OnnxActivationExporter {

    /**
     * @return the name of the activation this exporter writes, as the activation's
     *         {@code name()} gives it, for example {@code "leaky-relu"}
     */
    String activationName();

    /**
     * Adds the nodes that apply the activation to a layer's pre-activations.
     *
     * @param graph the graph to add to; its scope names the layer
     * @param input the name of the pre-activations, {@code tensor(double)} of shape
     *        {@code [N, call.width()]}
     * @param call the activation with its parameters and the layer it is in
     * @return the name of the activations, {@code tensor(double)} of the same shape
     * @throws IllegalArgumentException if the activation's parameters have no ONNX form
     */
    String export(GraphBuilder graph, String input, ActivationCall call);
}
