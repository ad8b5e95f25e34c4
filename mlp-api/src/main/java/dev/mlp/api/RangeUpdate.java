package dev.mlp.api;

/**
 * An optional capability of an {@link OptimizerState} whose update is element-wise: once the
 * per-step scalars (step count, bias corrections, the current learning rate) are fixed, each
 * parameter's new value depends only on its own gradient and its own state entries. Such a step
 * can be cut into index ranges and the ranges applied on several threads at once, with the same
 * bits as one {@link OptimizerState#update(double[][], double[][])} call.
 *
 * <p>One step is:
 * <ol>
 *   <li>{@link #beginStep()}, once, on one thread;</li>
 *   <li>{@link #updateRange(int, double[], double[], int, int)} over ranges that together cover
 *       every index of every block of the layout exactly once; ranges of one step never overlap,
 *       and may run at the same time on different threads, in any order;</li>
 *   <li>{@link #endStep()}, once, after every range has finished.</li>
 * </ol>
 * For any way of cutting the blocks into ranges, this must leave the parameters, the state (its
 * {@link OptimizerState#snapshot() snapshot}) and the {@link OptimizerState#steps() step count}
 * with exactly the same bits as {@code update(parameters, gradients)}. The simplest way to keep
 * that promise is for {@code update} itself to be {@code beginStep}, one range per whole block,
 * {@code endStep}.
 *
 * <p>The caller provides the ordering between threads: whatever {@code beginStep} writes must be
 * visible to the threads that run the ranges, and what the ranges write must be visible to the
 * thread that calls {@code endStep} (a thread pool that hands work over and waits for it, such
 * as an executor's {@code invokeAll}, does this). Between {@code beginStep} and {@code endStep}
 * nothing else may be called on the state: no {@code update}, no change of learning rate, no
 * snapshot or restore.
 *
 * <p>An implementation may throw {@link IllegalStateException} when the calls come out of order
 * ({@code updateRange} or {@code endStep} without {@code beginStep}, {@code beginStep} twice);
 * the contract-test kit checks that a step cut into irregular ranges applied in a shuffled order
 * gives the bits of {@code update}.
 */
public interface RangeUpdate {

    /**
     * Fixes this step's per-step values (step count, bias corrections, current rate); called
     * once, on one thread, before any range of the step.
     *
     * @throws IllegalStateException if a step has begun and not ended (optional)
     */
    void beginStep();

    /**
     * Applies the step begun by {@link #beginStep()} to parameters {@code [from, to)} of block
     * {@code block}. Ranges of one step never overlap; they may run at the same time on different
     * threads, in any order. An empty range ({@code from == to}) changes nothing. The gradients
     * are read only.
     *
     * @param block the block index in the layout the state was started with
     * @param parameters the block's parameters, updated in place in {@code [from, to)}
     * @param gradients the block's gradients, read in {@code [from, to)}
     * @param from the first index, at least 0
     * @param to one past the last index, at least {@code from} and at most the block's size
     * @throws IllegalArgumentException if the block index is not in the layout, the range is not
     *         within the block, or an array is missing or shorter than {@code to}, saying which
     * @throws IllegalStateException if no step has begun (optional)
     */
    void updateRange(int block, double[] parameters, double[] gradients, int from, int to);

    /**
     * Ends the step (advances the step count); called once after every range of the step has
     * finished.
     *
     * @throws IllegalStateException if no step has begun (optional)
     */
    void endStep();
}
