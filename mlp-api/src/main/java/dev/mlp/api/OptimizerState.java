package dev.mlp.api;

/**
 * The per-run state of an {@link Optimizer}. Not thread-safe: one run, one thread of updates.
 *
 * <p>Besides {@link #update}, a state exposes its learning rate, so that a
 * {@link LearningRateSchedule} or the trainer's divergence guard can change it between steps, and
 * can copy itself to an {@link OptimizerSnapshot} and back, so that a checkpointed run resumes
 * with exactly the same moments and step count. Optimizers without a learning rate or without
 * saveable state keep the default methods, which say so with
 * {@link UnsupportedOperationException}. {@link #runFinished(double[][])} is called once when a
 * run ends normally, for optimizers whose weights to keep differ from those they train at.
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

    /**
     * Ends the run: the last chance to write into the parameters the weights the trained model
     * should keep, when they differ from the point the optimizer takes gradients at (schedule-free
     * AdamW writes its average {@code x} here). The default does nothing, so an optimizer written
     * before this method existed behaves as before.
     *
     * <p>The trainer calls it once, on the network's live parameters, when a run ends normally:
     * after the last epoch, or after the epoch at which early stopping or a listener stopped the
     * run, before the listeners hear that the run finished and before the model is returned or
     * saved. It is not called when a run ends with an exception (a divergence the divergence
     * policy does not roll back), nor at a rollback or a checkpoint: a checkpoint holds the
     * training point and this state's snapshot, so a resumed run continues with the same bits
     * and calls this method at its own end. If early stopping restores the best epoch's weights,
     * it does so after this call, and the restored weights (those the network held at that
     * epoch, the ones its validation loss was measured at) are what the model keeps. The loss
     * history is that of the training point.
     *
     * <p>Code that drives a state by hand may call it once after its last {@link #update}; no
     * update should follow.
     *
     * @param parameters the parameters, one array per block of the layout the state was started
     *                   with, written in place
     */
    default void runFinished(double[][] parameters) {
        // most optimizers train at the weights they keep
    }
}
