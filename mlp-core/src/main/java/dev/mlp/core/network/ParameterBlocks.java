package dev.mlp.core.network;

import dev.mlp.api.ParameterLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A network's parameters as blocks: per layer its weights, then its biases if it has them. This
 * is the order of {@link Network#layout()}, of {@link Network#parameters()}, of a workspace's
 * gradients and of every optimizer's state.
 */
final class ParameterBlocks {

    private ParameterBlocks() {
    }

    /** The layout of the layers' weight and bias arrays ({@code null} biases: none). */
    static ParameterLayout layout(double[][] weights, double[][] biases) {
        List<ParameterLayout.Block> blocks = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) {
            blocks.add(new ParameterLayout.Block(l + 1, ParameterLayout.Kind.WEIGHTS,
                    weights[l].length));
            if (biases[l] != null) {
                blocks.add(new ParameterLayout.Block(l + 1, ParameterLayout.Kind.BIASES,
                        biases[l].length));
            }
        }
        return new ParameterLayout(blocks);
    }

    /** The arrays themselves, in the order of {@link #layout}. */
    static double[][] arrays(double[][] weights, double[][] biases) {
        List<double[]> out = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) {
            out.add(weights[l]);
            if (biases[l] != null) {
                out.add(biases[l]);
            }
        }
        return out.toArray(new double[0][]);
    }

    /**
     * @return a description of the first NaN or infinite parameter, such as
     *         {@code "layer 2 weight (0, 1) = NaN"}, or {@code null} if all are finite
     */
    static String firstNonFinite(int[] sizes, double[][] weights, double[][] biases) {
        for (int l = 0; l < weights.length; l++) {
            double[] w = weights[l];
            for (int i = 0; i < w.length; i++) {
                if (!Double.isFinite(w[i])) {
                    return "layer " + (l + 1) + " weight (" + (i / sizes[l + 1]) + ", "
                            + (i % sizes[l + 1]) + ") = " + w[i];
                }
            }
            double[] b = biases[l];
            if (b != null) {
                for (int i = 0; i < b.length; i++) {
                    if (!Double.isFinite(b[i])) {
                        return "layer " + (l + 1) + " bias " + i + " = " + b[i];
                    }
                }
            }
        }
        return null;
    }

    /**
     * Copies {@code values} into a block after checking its length.
     *
     * @param block the block
     * @param values the new values
     * @param what the block's name for the message, for example {@code "layer 2 weights"}
     * @param shape the shape written before the length in the message, or {@code ""}
     */
    static void replace(double[] block, double[] values, String what, String shape) {
        if (values.length != block.length) {
            throw new IllegalArgumentException(what + " must have " + shape + block.length
                    + " values, found " + values.length);
        }
        System.arraycopy(values, 0, block, 0, values.length);
    }

    /**
     * @param sizes layer sizes, inputs first
     * @param largest whether to give the largest layer's instead of the sum
     * @return {@code Σ_l inputs_l x neurons_l}, or the largest term
     */
    static long multiplyAdds(int[] sizes, boolean largest) {
        long sum = 0;
        long most = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            long t = (long) sizes[l] * sizes[l + 1];
            sum += t;
            most = Math.max(most, t);
        }
        return largest ? most : sum;
    }

    /** @return for example {@code "Network[2 -> 3 sigmoid -> 1 sigmoid (no bias)]"} */
    static String describe(int[] sizes, dev.mlp.api.Activation[] activations, double[][] biases,
                           double[] dropout) {
        StringBuilder sb = new StringBuilder("Network[").append(sizes[0]);
        for (int l = 0; l < activations.length; l++) {
            sb.append(" -> ").append(sizes[l + 1]).append(' ').append(activations[l].name());
            if (biases[l] == null) {
                sb.append(" (no bias)");
            }
            if (dropout[l] > 0) {
                sb.append(" (dropout ").append(dropout[l]).append(')');
            }
        }
        return sb.append(']').toString();
    }
}
