package dev.mlp.core.train;

import dev.mlp.api.ParameterLayout;
import dev.mlp.core.network.Network;

/**
 * The divergence checks of a training run: each turns a NaN or infinite loss, gradient or
 * parameter into a {@link TrainingDivergedException} that names the epoch, the batch and the
 * first bad parameter (for example {@code "layer 2 weight [3,1]"}).
 */
final class FiniteChecks {

    private FiniteChecks() {
    }

    /**
     * Names a parameter for messages.
     *
     * @param network the network
     * @param layout its layout
     * @param block the block index
     * @param index the index within the block
     * @return for example {@code "layer 2 weight [3,1]"} or {@code "layer 2 bias [1]"}
     */
    static String describe(Network network, ParameterLayout layout, int block, int index) {
        ParameterLayout.Block b = layout.block(block);
        if (b.kind() == ParameterLayout.Kind.LAYER) {
            return "layer " + b.layer() + " of the non-dense layers, parameter [" + index + "]";
        }
        if (b.kind() == ParameterLayout.Kind.BIASES) {
            return "layer " + b.layer() + " bias [" + index + "]";
        }
        int cols = network.layerOutputs(b.layer());
        return "layer " + b.layer() + " weight [" + (index / cols) + "," + (index % cols) + "]";
    }

    /**
     * Throws if a gradient is NaN or infinite: the check made after every batch's gradient.
     *
     * @param network the network, for messages
     * @param layout its layout
     * @param grads the batch's gradients
     * @param epoch the 1-based epoch
     * @param batch the 1-based batch
     * @throws TrainingDivergedException naming the first bad gradient
     */
    static void checkGradients(Network network, ParameterLayout layout, double[][] grads,
                               int epoch, int batch) {
        if (!Finite.all(grads)) {
            int[] bad = firstNonFinite(grads);
            if (bad != null) {
                String p = describe(network, layout, bad[0], bad[1]);
                throw new TrainingDivergedException(epoch, batch, "the gradient of " + p
                        + " became " + grads[bad[0]][bad[1]], p, null);
            }
        }
    }

    /**
     * Throws if a parameter is NaN or infinite: the check made after every epoch's last update.
     *
     * @param network the network, for messages
     * @param layout its layout
     * @param params the parameters
     * @param epoch the 1-based epoch
     * @param batch the epoch's last batch
     * @throws TrainingDivergedException naming the first bad parameter
     */
    static void checkParameters(Network network, ParameterLayout layout, double[][] params,
                                int epoch, int batch) {
        if (Finite.all(params)) {
            return;
        }
        int[] bad = firstNonFinite(params);
        if (bad != null) {
            String p = describe(network, layout, bad[0], bad[1]);
            throw new TrainingDivergedException(epoch, batch, p + " became "
                    + params[bad[0]][bad[1]] + " (found after the epoch's last update)", p, null);
        }
    }

    /**
     * The divergence to throw when a batch's loss is not finite: a parameter the previous step
     * made non-finite if there is one, otherwise the loss itself.
     *
     * @param network the network, for messages
     * @param layout its layout
     * @param params the parameters
     * @param epoch the 1-based epoch
     * @param batch the 1-based batch whose loss is bad
     * @param value the loss
     * @return the exception
     */
    static TrainingDivergedException lossDiverged(Network network, ParameterLayout layout,
                                                  double[][] params, int epoch, int batch,
                                                  double value) {
        int[] bad = firstNonFinite(params);
        if (bad != null) {
            String p = describe(network, layout, bad[0], bad[1]);
            // the previous step of this epoch wrote it: the epoch-end scan clears earlier ones
            return new TrainingDivergedException(epoch, batch - 1, p + " became "
                    + params[bad[0]][bad[1]] + " in this batch's update (the next loss was "
                    + value + ")", p, null);
        }
        return new TrainingDivergedException(epoch, batch, "the loss became " + value
                + " with every parameter finite", null, null);
    }

    private static int[] firstNonFinite(double[][] blocks) {
        for (int b = 0; b < blocks.length; b++) {
            double[] v = blocks[b];
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    return new int[] {b, i};
                }
            }
        }
        return null;
    }
}
