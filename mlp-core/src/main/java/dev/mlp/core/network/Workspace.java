package dev.mlp.core.network;

import dev.mlp.core.kernel.Float32Products;
import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.api.kernel.MatrixProducts;

/**
 * Preallocated arrays for the forward and backward passes of one network on batches of up to
 * {@link #capacity()} rows, and the matrix-product engine with its thread count. A training run
 * makes one workspace and reuses it for every batch, so nothing is allocated per batch. Not
 * thread-safe.
 *
 * <p>The thread count changes only the speed: products split their output over threads and sum
 * every entry in the same order, so results are the same bits for any count.
 */
public final class Workspace {

    private final int capacity;
    private final int[] sizes;
    final MatrixProducts gemm;
    /** Whether {@link #gemm} multiplies in {@code float}: plain loops then do too. */
    final boolean float32;
    /** Dropout masks of the last training forward pass, {@code null} for layers without. */
    final double[][] mask;
    /** {@code A ⊙ mask}, the input the next layer saw, {@code null} for layers without. */
    final double[][] dropped;
    /** Whether the last forward pass applied the masks. */
    boolean masked;
    /** The last network that passed {@link #check}; skips re-comparing shapes per batch. */
    private Network checked;
    final double[][] z;
    final double[][] a;
    final double[][] delta;
    final double[][] weightGradients;
    final double[][] biasGradients;
    private final double[][] gradients;
    private final Extension extension;
    private double[] sampleInput;
    /** Weights rounded to {@code float} once per step and shared, or {@code null}. */
    final FloatWeights floatWeights;
    /** The dense layers' weight gradients in {@code float}, when {@link #floatWeights} is set. */
    final float[][] floatWeightGradients;
    /**
     * Each dense layer's input of the last forward pass rounded to {@code float}, when
     * {@link #floatWeights} is set: the forward pass rounds it, the backward pass reuses it.
     */
    final float[][] floatInputs;

    /**
     * The buffers of a network's blocks other than dense layers, kept with the dense layers'
     * buffers ({@link Network#newExtension}).
     */
    public interface Extension {
        /** @return the gradient arrays of the other blocks, after the dense layers' */
        double[][] gradients();
    }

    /**
     * A workspace whose products use {@link Gemm#defaultThreads()} threads of the backend
     * named by the system property {@value MatrixBackends#PROPERTY} (pure Java by default).
     *
     * @param network the network the workspace serves
     * @param capacity the largest batch, at least 1
     */
    public Workspace(Network network, int capacity) {
        this(network, capacity, Gemm.defaultThreads());
    }

    /**
     * A workspace of the backend named by the system property {@value MatrixBackends#PROPERTY}
     * (pure Java by default).
     *
     * @param network the network the workspace serves
     * @param capacity the largest batch, at least 1
     * @param threads the most threads one matrix product may use, at least 1
     */
    public Workspace(Network network, int capacity, int threads) {
        this(network, capacity, MatrixBackends.create(threads));
    }

    /**
     * @param network the network the workspace serves
     * @param capacity the largest batch, at least 1
     * @param products the matrix-product engine, used by this workspace only
     */
    public Workspace(Network network, int capacity, MatrixProducts products) {
        this(network, capacity, products, null);
    }

    /**
     * A workspace of a {@code float32} gradient shard: its products read the weights from a
     * copy rounded once per step and shared with the other shards of the step, and its
     * backward pass leaves the dense layers' weight gradients in {@code float}
     * ({@link #floatWeightGradients(int)}) rather than in {@link #weightGradients(int)}, for
     * the caller to add up in {@code double}. The backward pass reuses the layer inputs the
     * forward pass rounded to {@code float}, so it must follow a forward pass of the same rows
     * in this workspace (as it does in a training step). The values are the same bits as those
     * of a workspace of the same engine without the copy. A network with blocks other than dense
     * layers ({@link Network#newExtension}) gets a plain workspace: its passes do not read the
     * copy.
     *
     * @param network the network the workspace serves
     * @param capacity the largest batch, at least 1
     * @param products the engine, a {@link Float32Products}
     * @param weights the shared rounded weights of {@code network}, or {@code null} for a
     *                plain workspace
     * @throws IllegalArgumentException if {@code weights} is given with an engine that does not
     *         multiply in {@code float}, or for another network
     */
    public Workspace(Network network, int capacity, MatrixProducts products,
                     FloatWeights weights) {
        this.gemm = java.util.Objects.requireNonNull(products, "products");
        this.float32 = products instanceof Float32Products;
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
        mask = new double[n][];
        dropped = new double[n][];
        int blocks = 0;
        for (int l = 0; l < n; l++) {
            int width = sizes[l + 1];
            z[l] = new double[Math.multiplyExact(capacity, width)];
            a[l] = new double[capacity * width];
            delta[l] = new double[capacity * width];
            weightGradients[l] = new double[sizes[l] * width];
            if (network.dropout(l + 1) > 0) {
                mask[l] = new double[capacity * width];
                dropped[l] = new double[capacity * width];
            }
            blocks++;
            if (network.hasBias(l + 1)) {
                biasGradients[l] = new double[width];
                blocks++;
            }
        }
        extension = network.newExtension(capacity);
        if (weights != null && (!float32 || weights.network() != network)) {
            throw new IllegalArgumentException(float32
                    ? "the rounded weights belong to another network"
                    : "rounded float weights need a float32 engine, found " + products);
        }
        floatWeights = extension == null ? weights : null;
        floatWeightGradients = floatWeights == null ? null : new float[n][];
        floatInputs = floatWeights == null ? null : new float[n][];
        if (floatWeightGradients != null) {
            for (int l = 0; l < n; l++) {
                floatWeightGradients[l] = new float[weightGradients[l].length];
                floatInputs[l] = new float[capacity * sizes[l]];
            }
        }
        double[][] more = extension == null ? new double[0][] : extension.gradients();
        gradients = new double[blocks + more.length][];
        System.arraycopy(more, 0, gradients, blocks, more.length);
        int b = 0;
        for (int l = 0; l < n; l++) {
            gradients[b++] = weightGradients[l];
            if (biasGradients[l] != null) {
                gradients[b++] = biasGradients[l];
            }
        }
    }

    /** @return the buffers of the network's other blocks, {@code null} for a dense network */
    public Extension extension() {
        return extension;
    }

    /** @return the matrix-product engine of this workspace */
    public MatrixProducts products() {
        return gemm;
    }

    /**
     * @param layer 1-based dense layer index
     * @return the layer's weight gradient buffer
     */
    public double[] weightGradients(int layer) {
        return weightGradients[layer - 1];
    }

    /**
     * @param layer 1-based dense layer index
     * @return the layer's weight gradients in {@code float}, where the backward pass of a
     *         shard workspace leaves them
     *         ({@link #Workspace(Network, int, MatrixProducts, FloatWeights)}); {@code null} for
     *         other workspaces, whose gradients are in {@link #weightGradients(int)}
     */
    public float[] floatWeightGradients(int layer) {
        return floatWeightGradients == null ? null : floatWeightGradients[layer - 1];
    }

    /**
     * @param layer 1-based dense layer index
     * @return the layer's bias gradient buffer, {@code null} if it has no bias
     */
    public double[] biasGradients(int layer) {
        return biasGradients[layer - 1];
    }

    /**
     * @return the largest batch this workspace holds
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Whether the engine multiplies in {@code float} (the {@code float32} precision, a
     * {@link Float32Products}); passes small enough for plain loops then run the
     * {@code float} ones of {@link dev.mlp.core.kernel.FloatMatrices}, so that the arithmetic
     * does not depend on the size.
     *
     * @return {@code true} under {@code float32}
     */
    public boolean float32() {
        return float32;
    }

    /**
     * @return the most threads one matrix product may use
     */
    public int threads() {
        return gemm.threads();
    }

    /**
     * @param layer 1-based layer index
     * @return the layer's dropout mask of the last training forward pass ({@code 0} for a
     *         dropped output, {@code 1/(1-p)} for a kept one), or {@code null} if the layer has
     *         no dropout
     */
    public double[] mask(int layer) {
        return mask[layer - 1];
    }

    /**
     * @return whether the last forward pass was a training pass that applied dropout masks
     */
    public boolean masked() {
        return masked;
    }

    /** The input layer {@code l} (0-based, {@code l >= 1}) saw in the last forward pass. */
    double[] layerInput(int l, boolean afterMask) {
        return afterMask && dropped[l - 1] != null ? dropped[l - 1] : a[l - 1];
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
     * @return the layer's activations {@code f(Z)} of the last forward pass, before any
     *         dropout mask
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

    /** A one-sample input buffer, for passes of one sample that cannot read it in place. */
    double[] sampleInput() {
        if (sampleInput == null) {
            sampleInput = new double[sizes[0]];
        }
        return sampleInput;
    }

    void check(Network network, int rows) {
        if (rows < 0 || rows > capacity) {
            throw new IllegalArgumentException("batch must have between 0 and " + capacity
                    + " rows, found " + rows);
        }
        if (network != checked && !java.util.Arrays.equals(sizes, network.sizes)) {
            throw new IllegalArgumentException("workspace was made for layer sizes "
                    + java.util.Arrays.toString(sizes) + ", network has "
                    + java.util.Arrays.toString(network.sizes()));
        }
        if (network != checked) {
            for (int l = 0; l < z.length; l++) {
                if (network.dropout(l + 1) > 0 && mask[l] == null) {
                    throw new IllegalArgumentException("workspace was made for a network "
                            + "without dropout on layer " + (l + 1) + ", this one has rate "
                            + network.dropout(l + 1));
                }
            }
            checked = network;
        }
    }
}
