package dev.mlp.api;

/**
 * An {@link Optimizer} that evaluates the objective itself instead of taking one step from a
 * given gradient: quasi-Newton methods such as L-BFGS, whose line search needs the loss at
 * trial points. It is found, configured and named like every other optimizer; its state is an
 * {@link ObjectiveState}, which the trainer drives with
 * {@link ObjectiveState#iterate(double[][], Objective)} once per epoch on the objective of the
 * whole training set.
 *
 * <p>Call order, for one training run:
 * <ol>
 *   <li>{@link #start(ParameterLayout)} once;</li>
 *   <li>{@link ObjectiveState#iterate(double[][], Objective)} once per iteration, until it
 *       reports a stop reason or the run ends.</li>
 * </ol>
 */
public interface ObjectiveOptimizer extends Optimizer {

    /**
     * Creates fresh state for one training run.
     *
     * @param layout the parameter blocks the run updates
     * @return new state, not shared with any other run
     */
    @Override
    ObjectiveState start(ParameterLayout layout);
}
