package dev.mlp.api;

/**
 * The per-run state of an {@link Optimizer}. Not thread-safe: one run, one thread of updates.
 *
 * <p>Besides {@link #update}, a state exposes its learning rate, so that a
 * {@link LearningRateSchedule} or the trainer's divergence guard can change it between steps, and
 * can copy itself to an {@link OptimizerSnapshot} and back, so that a checkpointed run resumes
 * with exactly the same moments and step count. Optimizers without a learning rate or without
 * saveable state keep the default methods, which say so with
 * {@link UnsupportedOperationException}.
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

    /**
     * The learning rate the next {@link #update} will use.
     *
     * @return the current rate, or {@code NaN} if this optimizer has no single learning rate
     */
    default double learningRate() {
        return Double.NaN;
    }

    /**
     * Sets the learning rate used from the next {@link #update} on.
     *
     * @param rate the new rate, finite and greater than 0
     * @throws IllegalArgumentException if the rate is not finite and positive
     * @throws UnsupportedOperationException if this optimizer has no single learning rate
     */
    default void learningRate(double rate) {
        throw new UnsupportedOperationException(getClass().getName()
                + " has no learning rate that can be changed during a run");
    }

    /**
     * Copies the state: step count, moments, current learning rate, anything else that affects
     * later updates.
     *
     * @return a snapshot that {@link #restore} accepts
     * @throws UnsupportedOperationException if this optimizer cannot save its state
     */
    default OptimizerSnapshot snapshot() {
        throw new UnsupportedOperationException(getClass().getName()
                + " cannot save its state");
    }

    /**
     * Replaces the state with a snapshot taken by an optimizer of the same name and
     * configuration, started with the same layout.
     *
     * @param snapshot the snapshot
     * @throws IllegalArgumentException if the snapshot is from another optimizer or its arrays
     *                                  do not fit this state's layout, saying which
     * @throws UnsupportedOperationException if this optimizer cannot restore state
     */
    default void restore(OptimizerSnapshot snapshot) {
        throw new UnsupportedOperationException(getClass().getName()
                + " cannot restore its state");
    }
}
