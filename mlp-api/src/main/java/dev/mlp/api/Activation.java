package dev.mlp.api;

/**
 * An activation function applied to a layer's pre-activations {@code Z} to give its activations
 * {@code A = f(Z)}.
 *
 * <p>Implementations must be stateless and thread-safe: the same instance may serve many layers
 * and many training runs at once. In particular an activation must not cache its last output;
 * everything the backward pass needs is handed to it.
 *
 * <p>Elementwise functions should extend {@link ElementwiseActivation}, which owns the loops and
 * needs only the value and the derivative at a point. Functions that couple the entries of a row
 * (softmax) implement this interface directly.
 */
public interface Activation {

    /**
     * The stable lowercase name this activation is registered under, for example {@code "tanh"}.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * Computes {@code a = f(z)} for a {@code rows x cols} batch.
     *
     * @param z pre-activations, read only
     * @param a receives the activations; may be the same array as {@code z} (in place) when
     *          the caller will not call {@link #backward}, which needs both
     * @param rows number of samples
     * @param cols number of neurons in the layer
     */
    void forward(double[] z, double[] a, int rows, int cols);

    /**
     * Back-propagates through the activation: given {@code dL/dA}, computes {@code dL/dZ}.
     *
     * <p>For an elementwise function this is {@code gradZ = gradA * f'(z)}; for a row-coupled
     * function it is the product of {@code gradA} with the Jacobian of each row.
     *
     * @param z the pre-activations of the forward pass, read only
     * @param a the activations {@code f(z)} of the forward pass, read only
     * @param gradA {@code dL/dA}, read only
     * @param gradZ receives {@code dL/dZ}; may be the same array as {@code gradA}
     * @param rows number of samples
     * @param cols number of neurons in the layer
     */
    void backward(double[] z, double[] a, double[] gradA, double[] gradZ, int rows, int cols);

    /**
     * The values the activation can give, so that a loss can check that its output layer fits
     * (Poisson, for example, needs outputs that are always positive). An activation that does not
     * say may give any real number.
     *
     * @return the range of the outputs; {@link OutputRange#REALS} unless overridden
     */
    default OutputRange outputRange() {
        return OutputRange.REALS;
    }

    /**
     * Whether, and how, the outputs are probabilities. Losses that compute their gradient in the
     * fused, numerically stable form (cross-entropy with a row distribution, binary
     * cross-entropy with independent probabilities) accept an output layer by this marker,
     * whatever its name.
     *
     * @return {@link Probabilities#NONE} unless overridden
     */
    default Probabilities probabilities() {
        return Probabilities.NONE;
    }

    /** How the outputs of an activation are probabilities, if they are. */
    enum Probabilities {
        /** The outputs are not probabilities. */
        NONE,
        /**
         * Each output is the logistic sigmoid {@code 1 / (1 + e^-z)} of its own pre-activation,
         * an independent probability, so that {@code dL/dz = a - y} for binary cross-entropy.
         */
        PER_OUTPUT,
        /**
         * Each row is the softmax of the row's pre-activations, a distribution that sums to 1,
         * so that {@code dL/dz = a - y} for cross-entropy.
         */
        PER_ROW
    }
}
