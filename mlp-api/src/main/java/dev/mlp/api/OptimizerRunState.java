package dev.mlp.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Base class for an {@link OptimizerState} that keeps its bookkeeping here: the step count, the
 * current learning rate (which a {@link LearningRateSchedule} changes between steps), the shape
 * checks of {@link #update}, and the named arrays that {@link #snapshot()} copies out and
 * {@link #restore(OptimizerSnapshot)} copies back for checkpoints. A subclass declares its
 * per-parameter arrays in its constructor and writes {@code update}; if each parameter's step
 * depends only on its own gradient and state, {@link ElementwiseOptimizerState} also writes
 * {@code update} and the {@link RangeUpdate} split, leaving one {@code apply}.
 *
 * <p>State arrays:
 * <ul>
 *   <li>{@link #perBlock(String) perBlock("m")} allocates one zero array per block of the layout,
 *       each as long as its block, saved as {@code m.0, m.1, ...}: entry {@code i} of array
 *       {@code b} belongs to parameter {@code i} of block {@code b};</li>
 *   <li>{@link #register(String, double[])} adds any other array under a name of its own;</li>
 *   <li>the learning rate is saved as the one-element array {@value #LR}, unless the optimizer
 *       has none (constructed with {@code NaN}).</li>
 * </ul>
 * Arrays are declared once, in the constructor, and live for the whole run; a snapshot copies
 * them, a restore overwrites them in place (after checking every name and length, so a bad
 * snapshot changes nothing).
 */
public abstract class OptimizerRunState implements OptimizerState {

    /** The snapshot name of the current learning rate. */
    public static final String LR = "lr";

    private final String optimizer;
    private final int[] sizes;
    private final boolean hasRate;
    private final Map<String, double[]> arrays = new LinkedHashMap<>();
    private double lr;
    private long steps;

    /**
     * @param optimizer the optimizer's registered name, for messages and snapshots
     * @param layout the blocks the run updates
     * @param learningRate the configured learning rate, finite and {@code > 0}, or {@code NaN}
     *                     for an optimizer without a single rate
     * @throws NullPointerException if the name or layout is null
     */
    protected OptimizerRunState(String optimizer, ParameterLayout layout, double learningRate) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(layout, "layout");
        this.sizes = new int[layout.size()];
        for (int b = 0; b < sizes.length; b++) {
            sizes[b] = layout.block(b).size();
        }
        this.lr = learningRate;
        this.hasRate = !Double.isNaN(learningRate);
    }

    /**
     * Allocates one zero array per block and registers them as {@code prefix.0, prefix.1, ...}.
     *
     * @param prefix the name prefix
     * @return the arrays, one per block, each as long as its block
     * @throws IllegalStateException if a name is registered already
     */
    protected final double[][] perBlock(String prefix) {
        double[][] a = new double[sizes.length][];
        for (int b = 0; b < sizes.length; b++) {
            a[b] = register(prefix + "." + b, new double[sizes[b]]);
        }
        return a;
    }

    /**
     * Registers an array as part of the saved state.
     *
     * @param key the snapshot name
     * @param array the live array, copied on snapshot and overwritten on restore
     * @return {@code array}
     * @throws IllegalStateException if the name is registered already
     */
    protected final double[] register(String key, double[] array) {
        Objects.requireNonNull(array, "array");
        if (arrays.put(Objects.requireNonNull(key, "key"), array) != null) {
            throw new IllegalStateException("state array '" + key + "' registered twice");
        }
        return array;
    }

    /**
     * @return the optimizer's name, as given to the constructor
     */
    protected final String optimizerName() {
        return optimizer;
    }

    /**
     * @return the number of blocks of the layout
     */
    protected final int blocks() {
        return sizes.length;
    }

    /**
     * @param block a block index
     * @return the number of parameters of the block
     */
    protected final int blockSize(int block) {
        return sizes[block];
    }

    /**
     * Checks that the arrays handed to {@code update} fit the layout: one parameter and one
     * gradient array per block, each at least as long as its block. Allocates nothing unless it
     * throws.
     *
     * @param parameters one array per block
     * @param gradients one array per block
     * @throws IllegalArgumentException naming the block and both sizes if anything does not fit
     */
    protected final void checkArrays(double[][] parameters, double[][] gradients) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(gradients, "gradients");
        if (parameters.length != sizes.length || gradients.length != sizes.length) {
            throw new IllegalArgumentException(optimizer + ": the layout has " + sizes.length
                    + " blocks, found " + parameters.length + " parameter arrays and "
                    + gradients.length + " gradient arrays");
        }
        for (int b = 0; b < sizes.length; b++) {
            checkBlock(b, parameters[b], "parameter");
            checkBlock(b, gradients[b], "gradient");
        }
    }

    private void checkBlock(int b, double[] array, String what) {
        if (array == null) {
            throw new IllegalArgumentException(optimizer + ": block " + b + " has no " + what
                    + " array");
        }
        if (array.length < sizes[b]) {
            throw new IllegalArgumentException(optimizer + ": the " + what + " array of block " + b
                    + " must hold at least " + sizes[b] + " values, found " + array.length);
        }
    }

    /**
     * Counts one applied update; call it once at the end of every {@code update}.
     */
    protected final void countStep() {
        steps++;
    }

    /**
     * Sets the step count (as a finished split step does).
     *
     * @param count the number of updates applied
     */
    final void steps(long count) {
        steps = count;
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void learningRate(double rate) {
        if (!hasRate) {
            throw new UnsupportedOperationException(optimizer + " has no single learning rate");
        }
        lr = checkRate(rate, "learning rate");
    }

    private double checkRate(double rate, String what) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException(optimizer + ": " + what
                    + " must be finite and > 0, found " + rate);
        }
        return rate;
    }

    @Override
    public OptimizerSnapshot snapshot() {
        Map<String, double[]> values = new LinkedHashMap<>(arrays);
        if (hasRate) {
            values.put(LR, new double[] {lr});
        }
        return new OptimizerSnapshot(optimizer, steps, values); // the record copies every array
    }

    @Override
    public void restore(OptimizerSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        snapshot.requireOptimizer(optimizer);
        TreeSet<String> expected = new TreeSet<>(arrays.keySet());
        if (hasRate) {
            expected.add(LR);
        }
        if (!expected.equals(snapshot.values().keySet())) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(snapshot.values().keySet());
            List<String> extra = new ArrayList<>(snapshot.values().keySet());
            extra.removeAll(expected);
            throw new IllegalArgumentException("the " + optimizer + " snapshot does not fit this "
                    + "run (another layout or configuration?): missing " + missing
                    + ", unexpected " + extra);
        }
        // check everything before changing anything, so a bad snapshot leaves the state intact
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            int found = snapshot.values().get(e.getKey()).length;
            if (found != e.getValue().length) {
                throw new IllegalArgumentException("the " + optimizer + " snapshot value '"
                        + e.getKey() + "' has " + found + " numbers, the run needs "
                        + e.getValue().length);
            }
        }
        double rate = Double.NaN;
        if (hasRate) {
            double[] saved = snapshot.values().get(LR);
            if (saved.length != 1) {
                throw new IllegalArgumentException("the " + optimizer + " snapshot value '" + LR
                        + "' must hold 1 number, found " + saved.length);
            }
            rate = checkRate(saved[0], "the snapshot's learning rate");
        }
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            snapshot.copyInto(e.getKey(), e.getValue());
        }
        lr = rate;
        steps = snapshot.steps();
    }
}
