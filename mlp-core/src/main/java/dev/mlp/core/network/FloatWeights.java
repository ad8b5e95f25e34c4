package dev.mlp.core.network;

import dev.mlp.core.kernel.Float32Products;
import java.util.Objects;

/**
 * The dense layers' weights of one network rounded to {@code float}, made once per training
 * step and read by every shard of the step under {@code float32}: the shards then multiply
 * with the same rounded copy instead of each rounding the weights again in every product.
 * The rounding is the one {@link Float32Products} does, so the products
 * are the same bits either way.
 *
 * <p>{@link #round} must run after the weights last changed and before the passes that read
 * the copy; the parts of one {@code round} may run on several threads at once, each rounding
 * its own slice of every layer. Nothing is allocated after construction.
 */
public final class FloatWeights {

    private final Network network;
    private final float[][] layers;

    /**
     * @param network the network whose dense weights are copied
     */
    public FloatWeights(Network network) {
        this.network = Objects.requireNonNull(network, "network");
        int n = network.layerCount();
        layers = new float[n][];
        for (int l = 0; l < n; l++) {
            layers[l] = new float[network.weights[l].length];
        }
    }

    /** @return the network whose weights this copies */
    public Network network() {
        return network;
    }

    /**
     * Rounds part {@code part} of {@code parts} of every layer's weights, so that after all
     * parts have run the copy holds the network's current weights.
     *
     * @param part the part, in {@code [0, parts)}
     * @param parts how many parts the rounding is split into
     */
    public void round(int part, int parts) {
        for (int l = 0; l < layers.length; l++) {
            long n = layers[l].length;
            Float32Products.round(network.weights[l], (int) (n * part / parts),
                    (int) (n * (part + 1) / parts), layers[l]);
        }
    }

    /**
     * @param l 0-based dense layer index
     * @return the layer's rounded weights as of the last {@link #round}
     */
    float[] layer(int l) {
        return layers[l];
    }
}
