package dev.mlp.core.io;

import java.util.List;
import java.util.Objects;

/**
 * The {@code layers} section of a model file (format version 2): the network spec of a network
 * with blocks other than dense layers, and each layer plugin's parameters and inference state.
 * The dense layers' weights stay in the {@code network} section, in the order their layers
 * appear in the spec.
 *
 * @param spec the canonical network spec, for example
 *             {@code "dense(16, relu) batch-norm(momentum=0.9, epsilon=1.0E-5) dense(3, softmax)"}
 * @param layers the layer plugins, in the order they appear in the spec
 */
public record NetworkLayers(String spec, List<Block> layers) {

    /** Copies the list. */
    public NetworkLayers {
        Objects.requireNonNull(spec, "spec");
        layers = List.copyOf(layers);
    }

    /**
     * One layer plugin's values.
     *
     * @param spec its canonical spec
     * @param version the version of its provider when saved
     * @param parameters its trainable parameter blocks
     * @param state its inference state (running statistics), possibly empty
     */
    public record Block(String spec, String version, List<double[]> parameters, double[] state) {
        /** Copies the list. */
        public Block {
            parameters = List.copyOf(parameters);
            Objects.requireNonNull(state, "state");
        }

        /** @return the number of trainable parameters */
        public long parameterCount() {
            return parameters.stream().mapToLong(p -> p.length).sum();
        }
    }

    /** @return the number of trainable parameters of every layer plugin */
    public long parameterCount() {
        return layers.stream().mapToLong(Block::parameterCount).sum();
    }

    /** Writes the section body. */
    Container.Body encode() {
        Container.Body b = new Container.Body().string(spec).u32(layers.size());
        for (Block l : layers) {
            b.string(l.spec()).string(l.version()).u32(l.parameters().size());
            l.parameters().forEach(b::doubles);
            b.doubles(l.state());
        }
        return b;
    }

    /** Reads the section body. */
    static NetworkLayers read(Container.Section s) throws FileFormatException {
        String spec = s.string();
        int n = s.count(16);
        List<Block> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String layer = s.string();
            String version = s.string();
            int count = s.count(4);
            List<double[]> params = new java.util.ArrayList<>();
            for (int b = 0; b < count; b++) {
                params.add(s.doubles());
            }
            blocks.add(new Block(layer, version, params, s.doubles()));
        }
        s.end();
        return new NetworkLayers(spec, blocks);
    }
}
