package dev.mlp.core;

import dev.mlp.api.Activation;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.layer.NetworkAssembly;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.Configured;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The network a builder was given, layer by layer ({@code layer(64, "relu")},
 * {@code dropout(0.1)}) or as one network spec ({@code network("dense(64, relu) batch-norm
 * dense(3, softmax)")}), and its assembly into a {@link Network} when the model is built.
 */
final class NetworkChoice {

    /** A layer as given: its activation is a spec string or an instance. */
    private record LayerChoice(int neurons, Object activation, boolean bias, double dropout) {
    }

    private final List<LayerChoice> layers = new ArrayList<>();
    private String spec;

    void layer(int neurons, Object activation, boolean bias) {
        if (spec != null) {
            throw both();
        }
        layers.add(new LayerChoice(neurons, Objects.requireNonNull(activation, "activation"),
                bias, 0.0));
    }

    void dropout(double rate) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("add a layer before setting its dropout");
        }
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), found " + rate);
        }
        LayerChoice last = layers.remove(layers.size() - 1);
        layers.add(new LayerChoice(last.neurons(), last.activation(), last.bias(), rate));
    }

    void network(String text) {
        if (!layers.isEmpty()) {
            throw both();
        }
        this.spec = Objects.requireNonNull(text, "network spec");
    }

    private static IllegalStateException both() {
        return new IllegalStateException("give the network either layer by layer (layer, "
                + "dropout) or as one network spec (network), not both");
    }

    /**
     * @return the network, zero weights, with the canonical activation spec of each dense
     *         layer ({@code null} for an activation given as an instance)
     */
    NetworkAssembly.Assembled assemble(int inputs, PluginRegistry registry) {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be >= 1, found " + inputs
                    + " (call inputs(n) first)");
        }
        if (spec != null) {
            return NetworkAssembly.assemble(spec, inputs, registry);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least 1 layer; "
                    + "call layer(neurons, activation) or network(spec)");
        }
        List<Network.LayerSpec> specs = new ArrayList<>();
        List<String> activationSpecs = new ArrayList<>();
        for (LayerChoice l : layers) {
            Activation act;
            if (l.activation() instanceof String s) {
                Configured<Activation> c = registry.configure(PluginKind.ACTIVATION,
                        Activation.class, s);
                act = c.instance();
                activationSpecs.add(c.spec());
            } else {
                act = (Activation) l.activation();
                activationSpecs.add(null);
            }
            specs.add(new Network.LayerSpec(l.neurons(), act, l.bias(), l.dropout()));
        }
        return new NetworkAssembly.Assembled(new Network(inputs, specs), activationSpecs);
    }
}
