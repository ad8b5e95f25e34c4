package dev.mlp.api;

/**
 * The per-run state of an {@link ObjectiveOptimizer}: one {@link #iterate} call is one
 * iteration of the method (for L-BFGS a search direction and a line search along it), which may
 * evaluate the {@link Objective} several times. {@link #steps()} counts the iterations that
 * moved the parameters.
 *
 * <p>The one-step {@link #update(double[][], double[][])} of {@link OptimizerState} does not
 * apply and throws {@link UnsupportedOperationException} saying so. Snapshots hold everything
 * the method remembers between iterations (for L-BFGS its curvature history), so a restored
 * state continues bit for bit.
 */
public interface ObjectiveState extends OptimizerState {

    /**
     * Runs one iteration from {@code parameters}, which receive the new point.
     *
     * @param parameters the current parameters, one flat array per block; updated in place
     * @param objective the objective to minimize, of the state's layout
     * @return the loss at the new point, the evaluations used and, when the method has
     *         converged or cannot go on, why
     * @throws IllegalArgumentException if the arrays or the objective do not fit the layout
     */
    Iteration iterate(double[][] parameters, Objective objective);

    /**
     * Not supported: an objective optimizer evaluates the objective itself.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    default void update(double[][] parameters, double[][] gradients) {
        throw new UnsupportedOperationException(getClass().getName() + " evaluates the "
                + "objective itself (iterate); it cannot take a step from one batch gradient");
    }

    /**
     * The outcome of one iteration.
     *
     * @param loss the objective at the parameters after the iteration
     * @param evaluations how many times the iteration evaluated the objective, at least 0
     * @param stopReason why the method stops (converged, or no progress possible), or
     *                   {@code null} to go on
     */
    record Iteration(double loss, int evaluations, String stopReason) {

        /**
         * @throws IllegalArgumentException if {@code evaluations} is negative
         */
        public Iteration {
            if (evaluations < 0) {
                throw new IllegalArgumentException("evaluations must be >= 0, found "
                        + evaluations);
            }
        }

        /** @return whether the method reported a stop reason */
        public boolean stops() {
            return stopReason != null;
        }
    }
}
