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
}
