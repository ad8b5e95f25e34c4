package dev.mlp.api;

/**
 * A loss function comparing a network's outputs with the targets, sample by sample.
 *
 * <p>The loss of one sample is a function of that sample's output row and target row; the loss
 * of a batch is the sum of the sample losses. Averaging over the batch is the trainer's business,
 * not the loss's, so the same loss serves full-batch, mini-batch and stochastic training.
 *
 * <p>Implementations must be stateless and thread-safe.
 */
public interface Loss {

    /**
     * The stable lowercase name this loss is registered under, for example {@code "mse"}.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * Checks that this loss can be used after the given output activation, for example that
     * cross-entropy follows softmax. Called once when a network and a loss are put together.
     *
     * @param output the activation of the network's last layer
     * @throws IllegalArgumentException if the combination is not supported, saying why
     */
    default void checkOutputActivation(Activation output) {
        // most losses accept any output activation
    }

    /**
     * Sum over the {@code rows} samples of the per-sample loss.
     *
     * @param z the output layer's pre-activations, read only
     * @param a the output layer's activations (the network's outputs), read only
     * @param y the targets, read only
     * @param rows number of samples
     * @param cols number of outputs
     * @return the summed loss
     */
    double value(double[] z, double[] a, double[] y, int rows, int cols);

    /**
     * The per-sample derivative with respect to the output layer's pre-activations,
     * {@code delta[r, c] = d loss(sample r) / d z[r, c]}, computed through the given output
     * activation.
     *
     * <p>The default implementation computes {@code dL/dA} with {@link #outputGradient} and
     * back-propagates it through {@code output}. Losses that have a stable fused form with their
     * activation (cross-entropy with softmax: {@code delta = a - y}) override this method.
     *
     * @param output the output layer's activation
     * @param z the output layer's pre-activations, read only
     * @param a the output layer's activations, read only
     * @param y the targets, read only
     * @param delta receives {@code dL/dZ}
     * @param rows number of samples
     * @param cols number of outputs
     */
    default void delta(Activation output, double[] z, double[] a, double[] y, double[] delta,
                       int rows, int cols) {
        outputGradient(a, y, delta, rows, cols);
        output.backward(z, a, delta, delta, rows, cols);
    }

    /**
     * The per-sample derivative with respect to the outputs, {@code g[r, c] = d loss(sample r) /
     * d a[r, c]}.
     *
     * @param a the network's outputs, read only
     * @param y the targets, read only
     * @param gradA receives {@code dL/dA}
     * @param rows number of samples
     * @param cols number of outputs
     */
    void outputGradient(double[] a, double[] y, double[] gradA, int rows, int cols);

    /**
     * The loss of each sample, {@code out[r] = loss(sample r)}, so that the trainer can weight
     * samples. The default copies each row and calls {@link #value}; built-in losses override it
     * with a direct loop.
     *
     * @param z the output layer's pre-activations, read only
     * @param a the network's outputs, read only
     * @param y the targets, read only
     * @param out receives one loss per sample
     * @param rows number of samples
     * @param cols number of outputs
     */
    default void values(double[] z, double[] a, double[] y, double[] out, int rows, int cols) {
        double[] zr = new double[cols];
        double[] ar = new double[cols];
        double[] yr = new double[cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(z, r * cols, zr, 0, cols);
            System.arraycopy(a, r * cols, ar, 0, cols);
            System.arraycopy(y, r * cols, yr, 0, cols);
            out[r] = value(zr, ar, yr, 1, cols);
        }
    }
}
