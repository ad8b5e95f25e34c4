package dev.mlp.spark;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.plugin.PluginRegistry;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a network and its loss as spec strings: what the driver ships to the executors
 * instead of plugin objects. Each JVM resolves the specs through its own
 * {@link PluginRegistry}, so a plugin is found by name on an executor exactly as on the driver,
 * provided its jar is on the executor's class path.
 *
 * @param inputs number of input features, at least 1
 * @param neurons neurons of each layer, hidden layers first, the output layer last
 * @param activations the activation spec of each layer, canonical form
 * @param loss the loss spec, canonical form
 */
public record NetworkSpec(int inputs, List<Integer> neurons, List<String> activations, String loss)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Validates the shape and copies the lists. Specs are not resolved here; use
     * {@link #resolve(PluginRegistry)} for that.
     */
    public NetworkSpec {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be >= 1, found " + inputs);
        }
        Objects.requireNonNull(neurons, "neurons");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(loss, "loss");
        if (neurons.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least 1 layer");
        }
        if (neurons.size() != activations.size()) {
            throw new IllegalArgumentException("every layer needs one activation: "
                    + neurons.size() + " layers, found " + activations.size()
                    + " activations " + activations);
        }
        for (int l = 0; l < neurons.size(); l++) {
            if (neurons.get(l) == null || neurons.get(l) < 1) {
                throw new IllegalArgumentException("layer " + (l + 1)
                        + " must have >= 1 neurons, found " + neurons.get(l));
            }
            if (activations.get(l) == null || activations.get(l).isBlank()) {
                throw new IllegalArgumentException("layer " + (l + 1)
                        + " needs an activation spec, found '" + activations.get(l) + "'");
            }
        }
        neurons = List.copyOf(neurons);
        activations = List.copyOf(activations);
    }

    /**
     * Resolves every spec with the registry and returns the same network in canonical form
     * (defaults filled in, aliases replaced), checking that the loss fits the output activation.
     *
     * @param registry the plugins
     * @return the canonical spec
     * @throws IllegalArgumentException if a spec is unknown or invalid, or the loss does not fit
     *                                  the output layer
     */
    public NetworkSpec resolve(PluginRegistry registry) {
        List<String> acts = new ArrayList<>();
        Activation last = null;
        for (String a : activations) {
            var c = registry.configure(PluginKind.ACTIVATION, Activation.class, a);
            acts.add(c.spec());
            last = c.instance();
        }
        var l = registry.configure(PluginKind.LOSS, Loss.class, loss);
        l.instance().checkOutputActivation(last);
        return new NetworkSpec(inputs, neurons, acts, l.spec());
    }

    /**
     * @return the number of layers
     */
    public int layerCount() {
        return neurons.size();
    }

    /**
     * @return the number of outputs (neurons of the last layer)
     */
    public int outputs() {
        return neurons.get(neurons.size() - 1);
    }

    /**
     * @return input size then every layer's size
     */
    public int[] sizes() {
        int[] s = new int[neurons.size() + 1];
        s[0] = inputs;
        for (int l = 0; l < neurons.size(); l++) {
            s[l + 1] = neurons.get(l);
        }
        return s;
    }

    /**
     * @return the number of parameters (weights and biases, every layer has a bias)
     */
    public int parameterCount() {
        int[] s = sizes();
        int n = 0;
        for (int l = 1; l < s.length; l++) {
            n += s[l - 1] * s[l] + s[l];
        }
        return n;
    }

    /**
     * Builds a network of this shape, every layer with a bias, all parameters zero.
     *
     * @param registry the plugins to resolve the activations with
     * @return a new network
     */
    public Network network(PluginRegistry registry) {
        List<Network.LayerSpec> layers = new ArrayList<>();
        for (int l = 0; l < neurons.size(); l++) {
            layers.add(new Network.LayerSpec(neurons.get(l),
                    registry.configure(PluginKind.ACTIVATION, Activation.class,
                            activations.get(l)).instance(), true));
        }
        return new Network(inputs, layers);
    }

    /**
     * Builds a network of this shape with the plugins found on this JVM's class path.
     *
     * @return a new network, all parameters zero
     */
    public Network network() {
        return network(Mlp.standard().registry());
    }

    /**
     * @param registry the plugins
     * @return the configured loss
     */
    public Loss lossFunction(PluginRegistry registry) {
        return registry.configure(PluginKind.LOSS, Loss.class, loss).instance();
    }

    /**
     * Checks that a network has this spec's shape.
     *
     * @param network the network
     * @throws IllegalArgumentException naming both shapes if it does not
     */
    public void checkShape(Network network) {
        boolean biases = true;
        for (int l = 1; l <= network.layerCount(); l++) {
            biases &= network.hasBias(l);
        }
        if (!Arrays.equals(network.sizes(), sizes()) || !biases) {
            throw new IllegalArgumentException("the network has layer sizes "
                    + Arrays.toString(network.sizes()) + (biases ? "" : " with a layer without bias")
                    + ", but the spec needs " + Arrays.toString(sizes())
                    + " with a bias on every layer");
        }
    }
}
