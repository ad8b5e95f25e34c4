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
        BIASES
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
}
