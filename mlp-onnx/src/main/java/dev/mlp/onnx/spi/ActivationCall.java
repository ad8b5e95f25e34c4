package dev.mlp.onnx.spi;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.SpecException;
import java.util.Map;
import java.util.Objects;

/**
 * One use of an activation in a network, as an {@link OnnxActivationExporter} sees it.
 *
 * @param activation the activation instance the network computes with
 * @param parameters the arguments of the activation's spec, for example {@code alpha=0.1}
 *        for {@code leaky-relu(alpha=0.1)}; empty where the spec gave none (then the defaults
 *        hold)
 * @param layer the 1-based layer number
 * @param width the number of neurons of the layer
 */
public record ActivationCall(Activation activation, Map<String, String> parameters, int layer,
                             int width) {

    /** Copies the parameters. */
    public ActivationCall {
        Objects.requireNonNull(activation, "activation");
        parameters = Map.copyOf(parameters);
    }

    /**
     * A real parameter.
     *
     * @param name the parameter's name
     * @param defaultValue its value when the spec does not give it
     * @return the value
     * @throws IllegalArgumentException if the value is not a finite number
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
        throw new SpecException("layer " + layer + ": parameter '" + name + "' of activation '"
                + activation.name() + "' must be a finite number, found '" + v + "'");
    }

    /**
     * A text parameter.
     *
     * @param name the parameter's name
     * @param defaultValue its value when the spec does not give it
     * @return the value
     */
    public String text(String name, String defaultValue) {
        return parameters.getOrDefault(name, defaultValue);
    }
}
