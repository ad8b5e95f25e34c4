package dev.mlp.optimizers;

import dev.mlp.api.ParameterLayout;
import java.util.Objects;

/** Shape checks and layout bookkeeping shared by the optimizer states. */
final class Blocks {

    private Blocks() {
    }

    /**
     * @param layout a parameter layout
     * @return the size of each block, in order
     */
    static int[] sizes(ParameterLayout layout) {
        Objects.requireNonNull(layout, "layout");
        int[] sizes = new int[layout.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = layout.block(i).size();
        }
        return sizes;
    }

    /**
     * Checks that the arrays handed to {@code update} fit the layout the state was started with.
     * Allocates nothing unless it throws.
     *
     * @param optimizer the optimizer's name, for messages
     * @param sizes the block sizes of the layout
     * @param parameters one array per block, each at least as long as its block
     * @param gradients one array per block, each at least as long as its block
     * @throws IllegalArgumentException naming the block and both sizes if anything does not fit
     */
    static void check(String optimizer, int[] sizes, double[][] parameters,
                      double[][] gradients) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(gradients, "gradients");
        if (parameters.length != sizes.length || gradients.length != sizes.length) {
            throw new IllegalArgumentException(optimizer + ": the layout has " + sizes.length
                    + " blocks, found " + parameters.length + " parameter arrays and "
                    + gradients.length + " gradient arrays");
        }
        for (int b = 0; b < sizes.length; b++) {
            checkBlock(optimizer, b, sizes[b], parameters[b], "parameter");
            checkBlock(optimizer, b, sizes[b], gradients[b], "gradient");
        }
    }

    private static void checkBlock(String optimizer, int b, int size, double[] array,
                                   String what) {
        if (array == null) {
            throw new IllegalArgumentException(optimizer + ": block " + b + " has no " + what
                    + " array");
        }
        if (array.length < size) {
            throw new IllegalArgumentException(optimizer + ": the " + what + " array of block " + b
                    + " must hold at least " + size + " values, found " + array.length);
        }
    }
}
