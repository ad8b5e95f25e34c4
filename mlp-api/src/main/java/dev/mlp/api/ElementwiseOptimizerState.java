package dev.mlp.api;

/**
 * Base class for the run state of an optimizer whose step is element-wise: once the per-step
 * values (step number, learning rate, bias corrections) are fixed, each parameter's new value
 * depends only on its own gradient and its own entries of the state arrays. A subclass declares
 * its per-parameter arrays in its constructor ({@link #perBlock(String)}) and writes one
 * {@code apply}, per range or per element; this class owns the loops, the step count, the
 * learning rate that schedules change, snapshots and restores for checkpoints, and the
 * {@link RangeUpdate} split that lets a large network's step run on several threads with the
 * bits of one {@link #update}.
 *
 * <pre>{@code
 * final class State extends ElementwiseOptimizerState {      // w <- w - lr * sign(g)
 *     State(ParameterLayout layout, double lr) { super("sign-sgd", layout, lr); }
 *     protected double step(int block, int i, double w, double g) {
 *         return g == 0 ? w : w - stepRate() * (g / Math.abs(g));
 *     }
 * }
 * }</pre>
 *
 * <p>Call order of one step, whether it comes whole from {@link #update} (which is exactly
 * {@code beginStep}, one range per whole block, {@code endStep}) or split by a caller:
 * <ol>
 *   <li>{@link #beginStep()} fixes {@link #stepNumber()} ({@code steps() + 1}) and
 *       {@link #stepRate()} (the current learning rate), then calls {@link #prepare()} once, on
 *       one thread: compute the step's scalars there;</li>
 *   <li>{@link #updateRange} checks its arguments and calls
 *       {@link #apply(int, double[], double[], int, int)} for {@code [from, to)} of one block;
 *       ranges never overlap and may run at the same time on different threads, so
 *       {@code apply} writes only entries {@code from .. to - 1} of the parameters and of its
 *       state arrays of that block, and no fields;</li>
 *   <li>{@link #endStep()} calls {@link #finish()} once, then counts the step.</li>
 * </ol>
 * In {@code apply}, {@code w} holds the block's parameters (updated in place), {@code g} its
 * gradients of the batch's mean loss (read only), and a state array {@code s = perBlock(..)[b]}
 * holds the entry of parameter {@code i} at {@code s[i]}. Between {@code beginStep} and
 * {@code endStep} no learning rate change, snapshot or restore is allowed
 * ({@link IllegalStateException}).
 */
public abstract class ElementwiseOptimizerState extends OptimizerRunState implements RangeUpdate {

    private long stepNumber;
    private double stepRate;
    private boolean open;

    /**
     * @param optimizer the optimizer's registered name, for messages and snapshots
     * @param layout the blocks the run updates
     * @param learningRate the configured learning rate, finite and {@code > 0}, or {@code NaN}
     *                     for an optimizer without a single rate
     */
    protected ElementwiseOptimizerState(String optimizer, ParameterLayout layout,
                                        double learningRate) {
        super(optimizer, layout, learningRate);
    }

    /**
     * @return the number of the step being applied, {@code steps() + 1} at
     *         {@link #beginStep()}, from 1
     */
    protected final long stepNumber() {
        return stepNumber;
    }

    /**
     * @return the learning rate of the step being applied, fixed by {@link #beginStep()}
     *         ({@code NaN} for an optimizer without one)
     */
    protected final double stepRate() {
        return stepRate;
    }

    @Override
    public final void update(double[][] parameters, double[][] gradients) {
        checkArrays(parameters, gradients);
        beginStep();
        // checkArrays has checked every block's arrays against the layout, which is all that
        // updateRange checks of a whole block
        for (int b = 0, n = blocks(); b < n; b++) {
            apply(b, parameters[b], gradients[b], 0, blockSize(b));
        }
        endStep();
    }

    @Override
    public final void beginStep() {
        if (open) {
            throw new IllegalStateException(optimizerName()
                    + ": beginStep() called again before endStep()");
        }
        stepNumber = steps() + 1;
        stepRate = learningRate();
        prepare();
        open = true;
    }

    @Override
    public final void updateRange(int block, double[] parameters, double[] gradients, int from,
                                  int to) {
        String name = optimizerName();
        if (!open) {
            throw new IllegalStateException(name + ": updateRange(...) called without "
                    + "beginStep()");
        }
        if (block < 0 || block >= blocks()) {
            throw new IllegalArgumentException(name + ": block must be in [0, " + blocks()
                    + "), found " + block);
        }
        int size = blockSize(block);
        if (from < 0 || from > to || to > size) {
            throw new IllegalArgumentException(name + ": the range of block " + block
                    + " must satisfy 0 <= from <= to <= " + size + ", found [" + from + ", " + to
                    + ")");
        }
        if (parameters == null || gradients == null) {
            throw new IllegalArgumentException(name + ": block " + block + " has no "
                    + (parameters == null ? "parameter" : "gradient") + " array");
        }
        if (parameters.length < to || gradients.length < to) {
            throw new IllegalArgumentException(name + ": the "
                    + (parameters.length < to ? "parameter" : "gradient") + " array of block "
                    + block + " must hold at least " + to + " values for the range [" + from
                    + ", " + to + "), found "
                    + (parameters.length < to ? parameters.length : gradients.length));
        }
        apply(block, parameters, gradients, from, to);
    }

    @Override
    public final void endStep() {
        if (!open) {
            throw new IllegalStateException(optimizerName()
                    + ": endStep() called without beginStep()");
        }
        finish();
        steps(stepNumber);
        open = false;
    }

    /**
     * Sets the learning rate from the next step on; not between {@link #beginStep()} and
     * {@link #endStep()}.
     *
     * @param rate the new rate, finite and greater than 0
     */
    @Override
    public void learningRate(double rate) {
        requireClosed("learningRate(double)");
        super.learningRate(rate);
    }

    @Override
    public final OptimizerSnapshot snapshot() {
        requireClosed("snapshot()");
        return super.snapshot();
    }

    @Override
    public final void restore(OptimizerSnapshot snapshot) {
        super.restore(snapshot);
        open = false; // a restored state starts between steps, whatever a failed step left
    }

    private void requireClosed(String call) {
        if (open) {
            throw new IllegalStateException(optimizerName() + ": " + call
                    + " called between beginStep() and endStep()");
        }
    }

    /**
     * Computes the step's scalars from {@link #stepNumber()} and {@link #stepRate()}, once per
     * step on one thread, before any range; nothing by default.
     */
    protected void prepare() {
    }

    /**
     * Applies the step to {@code [from, to)} of one block; the arguments are checked. By default
     * it sets {@code w[i] = step(block, i, w[i], g[i])} for each index; a subclass overrides
     * either this method or {@link #step(int, int, double, double)}.
     *
     * @param block the block index
     * @param w the block's parameters, updated in place in {@code [from, to)}
     * @param g the block's gradients, read only
     * @param from the first index
     * @param to one past the last index
     */
    protected void apply(int block, double[] w, double[] g, int from, int to) {
        for (int i = from; i < to; i++) {
            w[i] = step(block, i, w[i], g[i]);
        }
    }

    /**
     * The step of one parameter, for a subclass that does not override
     * {@link #apply(int, double[], double[], int, int)}. It may read and write entry {@code i}
     * of block {@code block} of its state arrays, and nothing else.
     *
     * @param block the block index
     * @param i the parameter's index in the block
     * @param w the parameter's value
     * @param g its gradient
     * @return the parameter's new value
     * @throws UnsupportedOperationException if the subclass overrides neither method
     */
    protected double step(int block, int i, double w, double g) {
        throw new UnsupportedOperationException(getClass().getName()
                + " must override apply(int, double[], double[], int, int) or "
                + "step(int, int, double, double)");
    }

    /**
     * Saves what the step changes besides the step count, once per step after every range;
     * nothing by default.
     */
    protected void finish() {
    }
}
