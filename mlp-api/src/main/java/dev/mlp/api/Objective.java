package dev.mlp.api;

/**
 * A differentiable training objective as a function of the parameters alone: weights in, loss
 * and gradient out. Methods that evaluate the loss at trial points (line searches, quasi-Newton
 * methods, see {@link ObjectiveOptimizer}) drive it; the trainer gives them the objective of the
 * whole training set, and a distributed evaluator can give them one that sums partial losses
 * and gradients from several machines.
 *
 * <p>An objective is deterministic: the same parameters give the same loss and gradient, bit
 * for bit, however often and in whatever order it is evaluated. Configurations that would break
 * this (mini-batches, dropout) are refused before an objective is made.
 */
public interface Objective {

    /**
     * @return the parameter blocks {@link #evaluate} takes and fills, in order
     */
    ParameterLayout layout();

    /**
     * Evaluates the objective at the given parameters.
     *
     * @param parameters one flat array per block of {@link #layout()}, read only
     * @param gradient one flat array per block, each at least as long as its block; receives the
     *                 gradient of the returned loss with respect to {@code parameters}
     * @return the loss, for example the weighted mean loss over the training set plus any
     *         penalty; not finite if it overflowed
     * @throws IllegalArgumentException if the arrays do not fit the layout
     */
    double evaluate(double[][] parameters, double[][] gradient);
}
