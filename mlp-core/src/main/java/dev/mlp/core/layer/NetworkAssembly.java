package dev.mlp.core.layer;

import dev.mlp.api.Activation;
import dev.mlp.api.Layer;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.Configured;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link NetworkSpec} into a network: resolves every activation and layer plugin
 * through the registry, checks the shapes and the structure (the last element is the dense
 * output layer; a residual block gives back the width it was given), and makes a plain
 * {@link Network} when the spec has dense layers only (a {@code dropout(p)} right after a
 * hidden dense layer becomes that layer's own dropout option, the same masks bit for bit) or a
 * {@link LayeredNetwork} otherwise.
 */
public final class NetworkAssembly {

    private final PluginRegistry registry;
    private final String text;
    private final List<Network.LayerSpec> dense = new ArrayList<>();
    private final List<String> activationSpecs = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<Layer> layers = new ArrayList<>();
    private final List<String> layerSpecs = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final List<String> canonical = new ArrayList<>();
    private int width;

    private NetworkAssembly(PluginRegistry registry, String text, int inputs) {
        this.registry = registry;
        this.text = text;
        this.width = inputs;
    }

    /**
     * The network of a spec, its parameters zero (dense) or at their initial values (layers).
     *
     * @param text the network spec, for example {@code "dense(64, relu) batch-norm
     *             dense(3, softmax)"}
     * @param inputs the number of inputs, at least 1
     * @param registry where activations and layer plugins are found
     * @return the network and the canonical activation spec of each dense layer
     * @throws IllegalArgumentException naming the element that is wrong
     */
    public static Assembled assemble(String text, int inputs, PluginRegistry registry) {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input, found "
                    + inputs);
        }
        NetworkSpec spec = NetworkSpec.parse(text);
        NetworkAssembly a = new NetworkAssembly(registry, text, inputs);
        List<NetworkSpec.Element> top = spec.elements();
        if (!(top.get(top.size() - 1) instanceof NetworkSpec.Dense)) {
            throw new IllegalArgumentException("network spec '" + text + "': the last element "
                    + "is '" + top.get(top.size() - 1) + "', but it must be the dense output "
                    + "layer, for example dense(3, softmax)");
        }
        Network plain = a.plain(top, inputs);
        if (plain != null) {
            return new Assembled(plain, a.activationSpecs);
        }
        for (NetworkSpec.Element e : top) {
            a.add(e, a.canonical);
        }
        return new Assembled(new LayeredNetwork(inputs, a.dense, a.steps, a.layers,
                a.layerSpecs, a.widths, String.join(" ", a.canonical)), a.activationSpecs);
    }

    /**
     * A network and how its dense layers' activations were written, canonically.
     *
     * @param network the network
     * @param activationSpecs one canonical activation spec per dense layer, {@code null} for
     *                        an activation given as an instance made in code
     */
    public record Assembled(Network network, List<String> activationSpecs) {
        /** Copies the list. */
        public Assembled {
            activationSpecs = java.util.Collections.unmodifiableList(
                    new ArrayList<>(activationSpecs));
        }
    }

    /** A plain network if the spec is dense layers with at most a dropout after each. */
    private Network plain(List<NetworkSpec.Element> top, int inputs) {
        List<Network.LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            NetworkSpec.Element e = top.get(i);
            if (e instanceof NetworkSpec.Dense d) {
                specs.add(new Network.LayerSpec(d.neurons(), activation(d), d.bias(),
                        d.dropout()));
                continue;
            }
            Configured<Layer> c = e instanceof NetworkSpec.Plugin p ? layer(p) : null;
            if (c == null || !(c.instance() instanceof DropoutLayer drop) || specs.isEmpty()
                    || !(top.get(i - 1) instanceof NetworkSpec.Dense prev)
                    || prev.dropout() > 0) {
                activationSpecs.clear();
                return null;
            }
            Network.LayerSpec last = specs.remove(specs.size() - 1);
            specs.add(new Network.LayerSpec(last.neurons(), last.activation(), last.bias(),
                    drop.rate()));
        }
        return new Network(inputs, specs);
    }

    private void add(NetworkSpec.Element e, List<String> out) {
        if (e instanceof NetworkSpec.Dense d) {
            Activation f = activation(d);
            dense.add(new Network.LayerSpec(d.neurons(), f, d.bias()));
            width = d.neurons();
            steps.add(new Step(Step.Kind.DENSE, dense.size() - 1, width, -1));
            out.add(new NetworkSpec.Dense(d.neurons(), activationSpecs.get(
                    activationSpecs.size() - 1), d.bias(), 0).toString());
            if (d.dropout() > 0) {
                add(new NetworkSpec.Plugin("dropout(p=" + d.dropout() + ")"), out);
            }
        } else if (e instanceof NetworkSpec.Plugin p) {
            Configured<Layer> c = layer(p);
            steps.add(new Step(Step.Kind.LAYER, layers.size(), width, -1));
            layers.add(c.instance());
            layerSpecs.add(c.spec());
            widths.add(width);
            out.add(c.spec());
        } else if (e instanceof NetworkSpec.Residual r) {
            int begin = steps.size();
            int in = width;
            steps.add(new Step(Step.Kind.BEGIN, -1, width, -1));
            List<String> inner = new ArrayList<>();
            for (NetworkSpec.Element b : r.body()) {
                add(b, inner);
            }
            if (width != in) {
                throw new IllegalArgumentException("network spec '" + text + "': " + r
                        + " gets " + in + " values per row but its last layer gives "
                        + width + "; a residual block adds its input to its output, so "
                        + "make its last dense layer " + in + " wide");
            }
            steps.add(new Step(Step.Kind.END, -1, width, begin));
            out.add("residual(" + String.join(", ", inner) + ")");
        }
    }

    private Activation activation(NetworkSpec.Dense d) {
        try {
            Configured<Activation> c = registry.configure(PluginKind.ACTIVATION, d.activation());
            activationSpecs.add(c.spec());
            return c.instance();
        } catch (SpecException e) {
            throw new IllegalArgumentException("network spec '" + text + "': " + d + ": "
                    + e.getMessage(), e);
        }
    }

    /** The layer of a plugin element; {@code dropout(0.1)} names the first parameter. */
    private Configured<Layer> layer(NetworkSpec.Plugin p) {
        String spec = p.spec();
        try {
            return registry.configure(PluginKind.LAYER, positional(spec));
        } catch (SpecException e) {
            throw new IllegalArgumentException("network spec '" + text + "': '" + spec + "': "
                    + e.getMessage() + (e.getMessage().startsWith("unknown layer")
                    ? " (and the built-in dense, residual)" : ""), e);
        }
    }

    private String positional(String spec) {
        int open = spec.indexOf('(');
        if (open < 0 || !spec.endsWith(")")) {
            return spec;
        }
        String args = spec.substring(open + 1, spec.length() - 1).strip();
        if (args.isEmpty() || args.contains("=") || args.contains(",")) {
            return spec;
        }
        String name = spec.substring(0, open).strip();
        for (PluginProvider<?> provider : registry.providers(PluginKind.LAYER)) {
            if ((provider.name().equals(name) || provider.aliases().contains(name))
                    && !provider.parameters().isEmpty()) {
                return name + "(" + provider.parameters().get(0).name() + "=" + args + ")";
            }
        }
        return spec;
    }
}
