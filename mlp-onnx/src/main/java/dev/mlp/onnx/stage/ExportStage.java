package dev.mlp.onnx.stage;

import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.graph.Tensor;

/**
 * One stage of an exported prediction pipeline: it takes the tensor the stage before it gives
 * and adds the nodes that turn it into the tensor the next stage takes. A model is exported as
 * a chain of stages, raw features first:
 * input scaling, then per dense layer a {@linkplain DenseStage dense product} and an
 * {@linkplain ActivationStage activation}, with the network's {@linkplain LayerStage layer
 * plugins} and {@linkplain ResidualStage residual blocks} where the network spec puts them, then
 * for regression the target scaling's inverse, then an output stage that publishes the graph
 * outputs. Preprocessing stages (encoders, imputers) are further implementations of this
 * interface.
 */
public interface ExportStage {

    /**
     * @return a short lowercase name of what the stage does, used as the scope of its node
     *         names, for example {@code "input-scaling"} or {@code "layer2"}
     */
    String name();

    /**
     * Adds the stage's nodes.
     *
     * @param graph the graph, its scope set to {@link #name()}
     * @param input the tensor the previous stage gives ({@code tensor(double)})
     * @return the tensor this stage gives to the next ({@code tensor(double)}); the last stage
     *         returns its main output
     * @throws IllegalArgumentException if the input does not fit the stage
     */
    Tensor apply(GraphBuilder graph, Tensor input);
}
