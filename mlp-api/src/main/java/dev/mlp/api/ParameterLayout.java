package dev.mlp.api;

import java.util.List;
import java.util.Objects;

/**
 * The trainable parameters of a network as an ordered list of flat blocks, in the order the
 * optimizer receives them: layer 1 weights, layer 1 biases (if the layer has them), layer 2
 * weights, and so on.
 *
 * @param blocks the blocks, in order
 */
public record ParameterLayout(List<Block> blocks) {

    /** What a block holds. */
    public enum Kind {
        /** A weight matrix, row-major, {@code inputs x outputs}. */
        WEIGHTS,
        /** A bias vector, one entry per output neuron. */
        BIASES,
        /**
         * A block of a {@link Layer} between dense layers, for example the scales or shifts of
         * a normalization; weight decay and weight penalties leave it alone.
         */
        LAYER
    }

    /**
     * One flat block of parameters.
     *
     * @param layer the 1-based index of the layer the block belongs to
     * @param kind whether the block holds weights or biases
     * @param size the number of parameters in the block
     */
    public record Block(int layer, Kind kind, int size) {
        /** Validates the block. */
        public Block {
            Objects.requireNonNull(kind, "kind");
            if (layer < 1) {
                throw new IllegalArgumentException("layer must be >= 1, found " + layer);
            }
            if (size < 0) {
                throw new IllegalArgumentException("size must be >= 0, found " + size);
            }
        }
    }

    /** Copies and validates the block list. */
    public ParameterLayout {
        blocks = List.copyOf(blocks);
    }

    /**
     * @return the number of blocks
     */
    public int size() {
        return blocks.size();
    }

    /**
     * @param index block index
     * @return the block
     */
    public Block block(int index) {
        return blocks.get(index);
    }

    /**
     * @return the total number of parameters over all blocks
     */
    public long parameterCount() {
        long n = 0;
        for (Block b : blocks) {
            n += b.size();
        }
        return n;
    }

    /**
     * Checks that parameter and gradient arrays fit this layout, for optimizers and gradient
     * transforms that take them from a caller.
     *
     * @param who the checking plugin's name, for messages
     * @param parameters one array per block, each at least as long as its block
     * @param gradients one array per block, each at least as long as its block
     * @return the block sizes
     * @throws IllegalArgumentException naming the block and both sizes if anything does not fit
     */
    public int[] checkArrays(String who, double[][] parameters, double[][] gradients) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(gradients, "gradients");
        int n = size();
        if (parameters.length != n || gradients.length != n) {
            throw new IllegalArgumentException(who + ": the layout has " + n
                    + " blocks, found " + parameters.length + " parameter arrays and "
                    + gradients.length + " gradient arrays");
        }
        int[] sizes = new int[n];
        for (int b = 0; b < n; b++) {
            sizes[b] = block(b).size();
            checkBlock(who, b, sizes[b], parameters[b], "parameter");
            checkBlock(who, b, sizes[b], gradients[b], "gradient");
        }
        return sizes;
    }

    private static void checkBlock(String who, int b, int size, double[] array, String what) {
        if (array == null) {
            throw new IllegalArgumentException(who + ": block " + b + " has no " + what
                    + " array");
        }
        if (array.length < size) {
            throw new IllegalArgumentException(who + ": the " + what + " array of block "
                    + b + " must hold at least " + size + " values, found " + array.length);
        }
    }
}
