package dev.mlp.onnx.spi;

import dev.mlp.api.Layer;
import dev.mlp.api.spec.SpecException;
import java.util.Map;
import java.util.Objects;

/**
 * One layer plugin of a trained network, as an {@link OnnxLayerExporter} sees it.
 *
 * @param layer the layer instance the network computes with
 * @param spec the layer's canonical spec, every parameter written out, for example
 *        {@code "batch-norm(momentum=0.9, epsilon=1.0E-5)"}
 * @param parameters the arguments of that spec by name, for example {@code epsilon=1.0E-5}
 * @param position the 1-based position of the layer among the network's layer plugins (dense
 *        layers and residual blocks not counted), as errors and node names give it
 * @param width the number of values per row the layer takes and gives
 * @param blocks copies of the layer's trained parameter blocks, in the order of
 *        {@link Layer#parameterSizes}
 * @param state a copy of the layer's inference state ({@link Layer#stateSize} values, for
 *        example running means and variances), empty for a layer without
 */
public record LayerCall(Layer layer, String spec, Map<String, String> parameters, int position,
                        int width, double[][] blocks, double[] state) {

    /** Copies the parameters, blocks and state. */
    public LayerCall {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(spec, "spec");
        parameters = Map.copyOf(parameters);
        double[][] copy = new double[blocks.length][];
        for (int b = 0; b < blocks.length; b++) {
            copy[b] = blocks[b].clone();
        }
        blocks = copy;
        state = state.clone();
    }

    /** @return where the layer is, for messages: its spec and position */
    public String where() {
        return "layer plugin " + position + " '" + spec + "'";
    }

    /**
     * A real parameter.
     *
     * @param name the parameter's name
     * @param defaultValue its value when the spec does not give it
     * @return the value
     * @throws SpecException if the value is not a finite number
     */
    public double real(String name, double defaultValue) {
        String v = parameters.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SpecException(where() + ": parameter '" + name + "' must be a finite "
                + "number, found '" + v + "'");
    }

    /**
     * A trained parameter block of the size the layer declares for this width.
     *
     * @param index the block's index
     * @param size the size the exporter expects
     * @return the block
     * @throws IllegalArgumentException if the layer has no such block or it has another size
     */
    public double[] block(int index, int size) {
        if (index >= blocks.length || blocks[index].length != size) {
            throw new IllegalArgumentException(where() + ": expected parameter block "
                    + (index + 1) + " of " + size + " values, found " + (index >= blocks.length
                    ? blocks.length + " blocks" : blocks[index].length + " values"));
        }
        return blocks[index];
    }

    /**
     * The inference state, of the size the exporter expects.
     *
     * @param size the size the exporter expects
     * @return the state
     * @throws IllegalArgumentException if the state has another size
     */
    public double[] state(int size) {
        if (state.length != size) {
            throw new IllegalArgumentException(where() + ": expected " + size + " values of "
                    + "inference state, found " + state.length);
        }
        return state;
    }
}
