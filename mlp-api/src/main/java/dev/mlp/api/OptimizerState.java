package dev.mlp.api;

/**
 * The per-run state of an {@link Optimizer}. Not thread-safe: one run, one thread of updates.
 */
public interface OptimizerState {

    /**
     * Applies one update step in place.
     *
     * <p>{@code parameters[i]} and {@code gradients[i]} are the flat arrays of block {@code i} of
     * the {@link ParameterLayout} the state was started with. Gradients are those of the batch's
     * mean loss and must not be modified.
     *
     * @param parameters the parameters, updated in place
     * @param gradients the gradients, read only
     */
    void update(double[][] parameters, double[][] gradients);

    /**
     * @return the number of updates applied so far
     */
    long steps();
}
