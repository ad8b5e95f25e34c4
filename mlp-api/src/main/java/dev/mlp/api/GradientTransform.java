package dev.mlp.api;

/**
 * A change made to the gradients after the backward pass and before the optimizer step:
 * clipping by value or by global norm, or an L1 or L2 penalty on the weights.
 *
 * <p>Transforms are immutable and stateless; a trainer applies its transforms in the order they
 * were configured.
 */
public interface GradientTransform {

    /**
     * The stable lowercase name this transform is registered under, for example
     * {@code "clip-norm"}.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * Changes the gradients in place.
     *
     * @param layout the parameter blocks, in the order of {@code parameters} and
     *               {@code gradients}
     * @param parameters the current parameters, read only
     * @param gradients the gradients of the batch's mean loss, changed in place
     * @return the penalty this transform adds to the batch's mean loss (0 for clipping), so that
     *         reported losses include it
     */
    double apply(ParameterLayout layout, double[][] parameters, double[][] gradients);
}
