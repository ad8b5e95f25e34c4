package dev.mlp.optimizers;

import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.RangeUpdate;

/**
 * The run state of an element-wise optimizer, whose step can be cut into index ranges
 * ({@link RangeUpdate}). {@link #update(double[][], double[][])} is {@link #beginStep()}, one
 * {@link #updateRange(int, double[], double[], int, int)} per whole block and {@link #endStep()},
 * so a split step and a whole one run the same arithmetic and give the same bits.
 *
 * <p>Subclasses compute their per-step values in {@link #prepare()} from {@link #stepNumber}
 * and {@link #stepRate}, apply them in {@link #apply(int, double[], double[], int, int)}, and save
 * anything else the step changes in {@link #finish()}.
 */
abstract class ElementwiseState extends RunState implements RangeUpdate {

    /** The number of the step being applied, {@code steps + 1}; fixed by {@link #beginStep()}. */
    long stepNumber;
    /** The learning rate of the step being applied; fixed by {@link #beginStep()}. */
    double stepRate;

    private boolean open;

    /**
     * @param name the optimizer's name
     * @param sizes the block sizes
     * @param lr the configured learning rate, or {@code NaN} for an optimizer without one
     */
    ElementwiseState(String name, int[] sizes, double lr) {
        super(name, sizes, lr);
    }

    @Override
    public final void update(double[][] parameters, double[][] gradients) {
        Blocks.check(name, sizes, parameters, gradients);
        beginStep();
        for (int b = 0; b < sizes.length; b++) {
            updateRange(b, parameters[b], gradients[b], 0, sizes[b]);
        }
        endStep();
    }

    @Override
    public final void beginStep() {
        if (open) {
            throw new IllegalStateException(name + ": beginStep() called again before endStep()");
        }
        stepNumber = steps + 1;
        stepRate = lr;
        prepare();
        open = true;
    }

    @Override
    public final void updateRange(int block, double[] parameters, double[] gradients, int from,
                                  int to) {
        if (!open) {
            throw new IllegalStateException(name + ": updateRange(...) called without "
                    + "beginStep()");
        }
        if (block < 0 || block >= sizes.length) {
            throw new IllegalArgumentException(name + ": block must be in [0, " + sizes.length
                    + "), found " + block);
        }
        int size = sizes[block];
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
            throw new IllegalStateException(name + ": endStep() called without beginStep()");
        }
        finish();
        steps = stepNumber;
        open = false;
    }

    @Override
    public void learningRate(double newRate) {
        requireClosed("learningRate(double)");
        super.learningRate(newRate);
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
            throw new IllegalStateException(name + ": " + call + " called between beginStep() "
                    + "and endStep()");
        }
    }

    /**
     * Computes the per-step values from {@link #stepNumber} and {@link #stepRate}; nothing by
     * default.
     */
    void prepare() {
    }

    /**
     * Applies the step to {@code [from, to)} of one block; the arguments are checked.
     *
     * @param block the block index
     * @param w the block's parameters
     * @param g the block's gradients
     * @param from the first index
     * @param to one past the last index
     */
    abstract void apply(int block, double[] w, double[] g, int from, int to);

    /** Saves what the step changes besides the step count; nothing by default. */
    void finish() {
    }
}
