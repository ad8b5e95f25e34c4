package dev.mlp.core.network;

/**
 * Preallocated arrays for the forward and backward passes of one network on batches of up to
 * {@link #capacity()} rows. A training run makes one workspace and reuses it for every batch, so
 * nothing is allocated per batch. Not thread-safe.
 */
public final class Workspace {

    private final int capacity;
    private final int[] sizes;
    final double[][] z;
    final double[][] a;
    final double[][] delta;
    final double[][] weightGradients;
    final double[][] biasGradients;
    private final double[][] gradients;

    /**
     * @param network the network the workspace serves
     * @param capacity the largest batch, at least 1
     */
    public Workspace(Network network, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("workspace capacity must be >= 1, found "
                    + capacity);
        }
        this.capacity = capacity;
        this.sizes = network.sizes();
        int n = network.layerCount();
        z = new double[n][];
        a = new double[n][];
        delta = new double[n][];
        weightGradients = new double[n][];
        biasGradients = new double[n][];
        int blocks = 0;
        for (int l = 0; l < n; l++) {
            int width = sizes[l + 1];
            z[l] = new double[Math.multiplyExact(capacity, width)];
            a[l] = new double[capacity * width];
            delta[l] = new double[capacity * width];
            weightGradients[l] = new double[sizes[l] * width];
            blocks++;
            if (network.hasBias(l + 1)) {
                biasGradients[l] = new double[width];
                blocks++;
            }
        }
        gradients = new double[blocks][];
        int b = 0;
        for (int l = 0; l < n; l++) {
            gradients[b++] = weightGradients[l];
            if (biasGradients[l] != null) {
                gradients[b++] = biasGradients[l];
            }
        }
    }

    /**
     * @return the largest batch this workspace holds
     */
    public int capacity() {
        return capacity;
    }

    /**
     * @param layer 1-based layer index
     * @return the layer's pre-activations of the last forward pass
     */
    public double[] preActivations(int layer) {
        return z[layer - 1];
    }

    /**
     * @param layer 1-based layer index
     * @return the layer's activations of the last forward pass
     */
    public double[] activations(int layer) {
        return a[layer - 1];
    }

    /**
     * @param layer 1-based layer index
     * @return the layer's {@code dL/dZ} buffer; the output layer's is filled by the caller
     *         before {@link Network#backward}
     */
    public double[] delta(int layer) {
        return delta[layer - 1];
    }

    /**
     * @return the gradient arrays in the order of {@link Network#layout()}
     */
    public double[][] gradients() {
        return gradients;
    }

    void check(Network network, int rows) {
        if (rows < 0 || rows > capacity) {
            throw new IllegalArgumentException("batch must have between 0 and " + capacity
                    + " rows, found " + rows);
        }
        if (!java.util.Arrays.equals(sizes, network.sizesView())) {
            throw new IllegalArgumentException("workspace was made for layer sizes "
                    + java.util.Arrays.toString(sizes) + ", network has "
                    + java.util.Arrays.toString(network.sizes()));
        }
    }
}
