package dev.mlp.api;

/**
 * An update rule: how parameters move given their gradient.
 *
 * <p>An {@code Optimizer} is immutable configuration (learning rate, momentum coefficient...).
 * Everything that changes during training (moments, step counts) lives in the
 * {@link OptimizerState} that {@link #start(ParameterLayout)} creates, one per training run, so
 * two runs never share state and a configured optimizer can be reused.
 *
 * <p>Call order, for one training run:
 * <ol>
 *   <li>{@link #start(ParameterLayout)} once, before the first step;</li>
 *   <li>{@link OptimizerState#update(double[][], double[][])} once per batch, after the gradient
 *       of the batch's mean loss has been computed for every block.</li>
 * </ol>
 */
public interface Optimizer {

    /**
     * The stable lowercase name this optimizer is registered under, for example {@code "adam"}.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * Creates fresh state for one training run.
     *
     * @param layout the parameter blocks the run will update, in the order
     *               {@link OptimizerState#update} receives them
     * @return new state, not shared with any other run
     */
    OptimizerState start(ParameterLayout layout);
}
