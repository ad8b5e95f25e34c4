package dev.mlp.optimizers.gradient;

import dev.mlp.api.ParameterLayout;
import java.util.Objects;

/** The shape check shared by the transforms. */
final class Shapes {

    private Shapes() {
    }

    /**
     * @param transform the transform's name, for messages
     * @param layout the parameter layout
     * @param parameters one array per block, each at least as long as its block
     * @param gradients one array per block, each at least as long as its block
     * @return the block sizes
     * @throws IllegalArgumentException naming the block and both sizes if anything does not fit
     */
    static int[] check(String transform, ParameterLayout layout, double[][] parameters,
                       double[][] gradients) {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(gradients, "gradients");
        int n = layout.size();
        if (parameters.length != n || gradients.length != n) {
            throw new IllegalArgumentException(transform + ": the layout has " + n
                    + " blocks, found " + parameters.length + " parameter arrays and "
                    + gradients.length + " gradient arrays");
        }
        int[] sizes = new int[n];
        for (int b = 0; b < n; b++) {
            sizes[b] = layout.block(b).size();
            block(transform, b, sizes[b], parameters[b], "parameter");
            block(transform, b, sizes[b], gradients[b], "gradient");
        }
        return sizes;
    }

    private static void block(String transform, int b, int size, double[] array, String what) {
        if (array == null) {
            throw new IllegalArgumentException(transform + ": block " + b + " has no " + what
                    + " array");
        }
        if (array.length < size) {
            throw new IllegalArgumentException(transform + ": the " + what + " array of block "
                    + b + " must hold at least " + size + " values, found " + array.length);
        }
    }
}
